package io.socketdeck.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputParsingTest {

    @ParameterizedTest(name = "\"{0}\" zero={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "'',      false, EMPTY",
        "'   ',   false, EMPTY",
        "abc,     false, NOT_A_NUMBER",
        "-1,      false, NOT_A_NUMBER",
        "1.5,     false, NOT_A_NUMBER",
        "0,       false, OUT_OF_RANGE",
        "65536,   false, OUT_OF_RANGE",
        "0000080, false, OUT_OF_RANGE",
        "0,       true,  null",
        "1,       false, null",
        "' 80 ',  false, null",
        "65535,   false, null"})
    void portsAreCheckedWithAReason(String text, boolean zeroAllowed, PortInput.Problem problem) {
        assertEquals(problem, PortInput.parse(text, zeroAllowed).problem());
    }

    @Test
    void validPortsKeepTheirValue() {
        assertEquals(80, PortInput.parse(" 80 ", false).port());
        assertEquals(0, PortInput.parse("0", true).port());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "'',                   EMPTY",
        "'[]',                 EMPTY",
        "'my host',            INVALID",
        "'host/path',          INVALID",
        "localhost,            null",
        "127.0.0.1,            null",
        "::1,                  null",
        "'[::1]',              null",
        "设备.local,            null",
        "fe80::1%eth0,         null"})
    void hostsAreCheckedBeforeAnyLookup(String text, HostInput.Problem problem) {
        assertEquals(problem, HostInput.parse(text).problem());
    }

    @Test
    void bracketsAroundIpv6AreDropped() {
        assertEquals("::1", HostInput.parse("[::1]").host());
    }

    @Test
    void addressesPrintAsPeopleTypeThem() throws Exception {
        assertEquals("127.0.0.1:80", Addresses.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)));
        assertEquals("[::1]:7", Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 7)));
        assertEquals("[fd00::2]:9", Addresses.format(new InetSocketAddress(InetAddress.getByName("fd00::2"), 9)));
        assertEquals("[1:0:2::3]:1", Addresses.format(new InetSocketAddress(InetAddress.getByName("1:0:2:0:0:0:0:3"), 1)));
        assertEquals("", Addresses.format(null));
    }

    @Test
    void bindAddressesAreLiteralsOnly() {
        assertEquals(BindAddress.Kind.ANY_IPV4, BindAddress.parse("0.0.0.0").address().kind());
        assertEquals(BindAddress.Kind.ANY_IPV6, BindAddress.parse("::").address().kind());
        assertEquals(BindAddress.Kind.LOOPBACK, BindAddress.parse("[::1]").address().kind());
        assertEquals("127.0.0.1", BindAddress.parse(" 127.0.0.1 ").address().literal());
        assertEquals(BindAddress.Problem.EMPTY, BindAddress.parse(" ").problem());
        assertEquals(BindAddress.Problem.NOT_AN_IP_ADDRESS, BindAddress.parse("localhost").problem());
        assertEquals(BindAddress.Problem.NOT_AN_IP_ADDRESS, BindAddress.parse("256.1.1.1").problem());
        assertEquals(BindAddress.Problem.NOT_AN_IP_ADDRESS, BindAddress.parse("1.2.3").problem());
        assertNull(BindAddress.parse("example.com").address());
    }

    /**
     * Issue 9: digits of other scripts passed Character.isDigit, and text that is no literal went
     * to InetAddress.getByName, which looks names up: on the UI thread. Now only ASCII literals
     * read, built from their bytes (LayeringTest keeps name lookups out of parsing).
     */
    @ParameterizedTest
    @CsvSource({
        "'\u0967\u0968\u0967.\u0966.\u0966.\u0967'", // Devanagari digits
        "'\uFF11\uFF12\uFF17.0.0.1'",                    // fullwidth digits
        "'\u0661\u0662\u0667.0.0.1'",                    // Arabic-Indic digits
        "1:2", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "12345::", "::1.2.3", "1.2.3.4::",
        "fe80::1%", "fe80::1%e\u0301th0", "0x7f.0.0.1", "1.2.3.04444", "1..2.3"})
    void bindAddressesAreAsciiLiteralsAndNeverLookedUp(String text) {
        assertEquals(BindAddress.Problem.NOT_AN_IP_ADDRESS, BindAddress.parse(text).problem(), text);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1", "010.1.1.1, 10.1.1.1", "::, ::", "::1, ::1", "'[fd00::2]', fd00::2",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "1::8, 1::8", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::ffff:192.0.2.7, 192.0.2.7", "64:ff9b::192.0.2.7, 64:ff9b::c000:207", "FE80::A, fe80::a",
        "fe80::1%1, fe80::1%1"})
    void ipLiteralsReadAsTheJdkReadsThem(String text, String literal) throws Exception {
        BindAddress parsed = BindAddress.parse(text).address();
        assertEquals(literal, parsed.literal());
        String bare = text.startsWith("[") ? text.substring(1, text.length() - 1) : text;
        assertEquals(InetAddress.getByName(bare), parsed.address(), "the same address as the JDK's reading");
    }

    @Test
    void localAddressesOfferWildcardsLoopbackAndInterfaces() {
        var choices = LocalAddresses.list();
        // Loopback first (issue 9): reachable from this computer only, the safe pick.
        assertEquals("127.0.0.1", choices.get(0).literal());
        assertEquals("::1", choices.get(1).literal());
        assertEquals("0.0.0.0", choices.get(2).literal());
        assertEquals("::", choices.get(3).literal());
        assertFalse(choices.stream().filter(c -> c.kind() == BindAddress.Kind.INTERFACE)
                .anyMatch(c -> c.interfaceName().isEmpty()), "interface addresses carry the interface's name");
    }
}
