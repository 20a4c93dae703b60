package io.socketdeck.cli;

import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.KeySource;
import io.socketdeck.core.tls.TlsInputException;
import java.io.Console;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Loads a certificate and key for the command line: the password comes from the environment
 * variable the user named (never from an argument, which {@code ps} shows to everyone), or is
 * asked on the terminal when there is one; a file that needs none needs neither.
 */
final class TlsPasswords {

    private TlsPasswords() {
    }

    static KeyMaterial load(CommandSpec spec, String option, KeySource source, String passwordVariable) {
        char[] password = null;
        if (passwordVariable != null) {
            String value = System.getenv(passwordVariable);
            if (value == null) {
                throw new ParameterException(spec.commandLine(),
                        "--cert-password-env: the environment variable " + passwordVariable + " is not set.");
            }
            password = value.toCharArray();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return KeyMaterials.load(source.withPassword(password));
            } catch (TlsInputException e) {
                Console console = System.console();
                if (!e.wantsPassword() || passwordVariable != null || console == null || attempt == 3) {
                    throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
                }
                password = console.readPassword("%s ", e.getMessage());
                if (password == null) {
                    throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
                }
            }
        }
    }
}
