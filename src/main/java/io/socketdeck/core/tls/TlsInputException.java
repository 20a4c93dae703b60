package io.socketdeck.core.tls;

import io.socketdeck.core.text.TextBundle;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A TLS setting that cannot be used: a file missing or unreadable, a wrong password, a PEM that
 * holds no key. Its {@link #getMessage() message} is the sentence shown at the field, in the
 * user's language; {@link #field()} says which field.
 */
public final class TlsInputException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final TextBundle TEXT = TextBundle.of(TlsInputException.class);

    /** The fields a TLS setting is typed in. */
    public enum Field {
        /** A client's CA file, or a server's CA file for client certificates. */
        CA_FILE,
        /** The certificate (PKCS#12 or PEM certificate) a side presents. */
        CERTIFICATE,
        /** The PEM private key beside a PEM certificate. */
        KEY,
        /** The password of a PKCS#12 file or an encrypted PEM key. */
        PASSWORD,
        /** A pinned SHA-256 fingerprint. */
        PIN,
        /** The protocol versions. */
        PROTOCOLS,
        /** The ALPN protocol list. */
        ALPN,
        /** The server name (SNI). */
        SERVER_NAME,
        /** The names and addresses of a certificate to generate. */
        NAMES
    }

    /** What is wrong, each with its own sentence. */
    public enum Problem {
        FILE_MISSING,
        FILE_UNREADABLE,
        /** The password is wrong (or the file is damaged: PKCS#12 cannot tell the two apart). */
        WRONG_PASSWORD,
        /** The file is encrypted and no password was given: ask for one. */
        PASSWORD_NEEDED,
        NOT_A_CERTIFICATE_FILE,
        NO_CERTIFICATE,
        NO_KEY,
        KEY_DOES_NOT_MATCH,
        BAD_FINGERPRINT,
        BAD_PROTOCOL,
        NO_PROTOCOL,
        BAD_ALPN,
        BAD_SERVER_NAME,
        NO_NAMES,
        BAD_NAME,
        CANNOT_WRITE
    }

    private final Field field;
    private final Problem problem;
    private final String subject;

    /**
     * @param subject what the sentence names: a file, a word typed
     */
    public TlsInputException(Field field, Problem problem, Path subject, Throwable cause) {
        this(field, problem, subject == null ? "" : subject.toString(), cause);
    }

    public TlsInputException(Field field, Problem problem, String subject, Throwable cause) {
        super(sentence(problem, subject == null ? "" : subject, cause), cause);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.subject = subject == null ? "" : subject;
    }

    private static String sentence(Problem problem, String subject, Throwable cause) {
        return TEXT.format("tls.input." + problem.name(), subject,
                cause == null || cause.getMessage() == null ? "" : cause.getMessage());
    }

    /**
     * The sentence in the language spoken now: {@link #getMessage()} keeps the one of when it was
     * thrown, a field that still shows it after a language switch asks for this again.
     */
    public String sentence() {
        return sentence(problem, subject, getCause());
    }

    public Field field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    /** The file or word the message names. */
    public String subject() {
        return subject;
    }

    /** True when asking for the password (again) may fix it. */
    public boolean wantsPassword() {
        return problem == Problem.PASSWORD_NEEDED || problem == Problem.WRONG_PASSWORD;
    }
}
