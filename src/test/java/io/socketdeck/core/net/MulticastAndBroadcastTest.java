package io.socketdeck.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MulticastAndBroadcastTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "null", value = {
        "'',                EMPTY",
        "'  ',              EMPTY",
        "group,             NOT_AN_IP_ADDRESS",
        "239.1.2,           NOT_AN_IP_ADDRESS",
        "240.0.0.1,         NOT_MULTICAST",
        "223.255.255.255,   NOT_MULTICAST",
        "127.0.0.1,         NOT_MULTICAST",
        "fe80::1,           NOT_MULTICAST",
        "224.0.0.1,         null",
        "239.255.255.250,   null",
        "ff02::1,           null",
        "'[ff15::1234]',    null",
        "FF05::1:3,         null"})
    void groupsAreIpv4ClassDOrIpv6Ff(String text, MulticastGroupInput.Problem problem) {
        assertEquals(problem, MulticastGroupInput.parse(text).problem());
    }

    @Test
    void aValidGroupKeepsItsAddress() throws Exception {
        assertEquals(InetAddress.getByName("ff15::1234"), MulticastGroupInput.parse(" [ff15::1234] ").group());
    }

    @Test
    void theLimitedBroadcastIsAlwaysKnown() throws Exception {
        assertTrue(BroadcastAddresses.known().contains(InetAddress.getByName("255.255.255.255")));
        assertFalse(BroadcastAddresses.known().contains(InetAddress.getByName("127.0.0.1")), "unicast is no broadcast");
    }

    @Test
    void loopbackIsOfferedLastForMulticast() {
        List<MulticastInterfaces.Choice> choices = MulticastInterfaces.list();
        assertFalse(choices.isEmpty(), "at least loopback is up");
        assertTrue(choices.get(choices.size() - 1).loopback(), "real interfaces come first: " + choices);
    }
}
