package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LowPorts decides without binding a port; here, that it sees a process without the capability. */
class LowPortsTest {

    /** Prints what {@link LowPorts#deniedInThisJvm()} decides in its own JVM. */
    public static final class Decision {
        public static void main(String[] args) {
            System.out.print(LowPorts.deniedInThisJvm());
        }
    }

    @Test
    void aJvmWithoutCapNetBindServiceIsDenied() throws Exception {
        assumeTrue(LowPorts.canDropPrivilege(), "setpriv cannot drop CAP_NET_BIND_SERVICE here");
        Path start = Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start");
        assumeTrue(Integer.parseInt(Files.readAllLines(start).get(0).strip()) > LowPorts.PRIVILEGED_PORT,
                "this system lets anyone bind port 1");
        assertEquals("true", LowPorts.runWithoutPrivilege(Decision.class, List.of(), Duration.ofSeconds(60)).strip());
    }
}
