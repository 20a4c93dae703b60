package io.socketdeck.core.settings;

import io.socketdeck.core.util.AtomicFiles;
import io.socketdeck.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Settings} in a JSON file across restarts.
 *
 * <ul>
 *   <li>Saving is atomic ({@link AtomicFiles}): a crash or a full disk mid-save leaves the previous
 *       file intact.</li>
 *   <li>Loading never fails: a missing file gives empty settings (every getter's default); a corrupt
 *       one (not JSON, truncated, not an object, over {@link #MAX_FILE_BYTES}) or an unreadable one
 *       (permissions, I/O error) gives the same, is moved aside to {@code settings.json.<time>.corrupt}
 *       so the next save does not destroy it, and leaves a {@link #warning()} for the UI to show.
 *       A file that cannot be moved aside is never saved over: {@link #save} refuses until it is
 *       gone or can be moved.</li>
 *   <li>Several instances may share the file: a save keeps what another one saved since this one
 *       read it, for every value this one has not changed ({@link SettingsMerge}).</li>
 *   <li>The default location is {@code ~/.socketdeck/settings.json}; the system property
 *       {@value #PATH_PROPERTY} points elsewhere, so tests and screenshot runs never touch the
 *       user's file.</li>
 * </ul>
 */
public final class SettingsStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(SettingsStore.class);

    public static final String PATH_PROPERTY = "socketdeck.settings";
    /**
     * The largest settings file read. Every stored string is capped ({@link Settings#MAX_STRING_CHARS})
     * and so is the send history, so a real file stays far below; a bigger one is treated as
     * corrupt (moved aside) instead of being read into memory, however big it is.
     */
    public static final long MAX_FILE_BYTES = 32L << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** How a file is moved aside: {@link Files#move}; a test's fails as a folder without write permission does. */
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private final Path file;
    private final Mover mover;
    private volatile SettingsWarning warning;
    /** Load could not use the file and could not move it aside: saving would destroy what it holds. */
    private boolean unusedFileInPlace;
    /**
     * The settings as the caller last had them from this store: read by {@link #load()} or given
     * to the last {@link #save}. A value still the same at a save was not changed by this instance,
     * so the file's current one (another instance's) is kept. Empty before any load or save.
     */
    private Map<String, Object> base = Map.of();

    public SettingsStore(Path file) {
        this(file, (from, to) -> Files.move(from, to));
    }

    SettingsStore(Path file, Mover mover) {
        this.file = Objects.requireNonNull(file, "file");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /** The store at {@link #defaultPath()}. */
    public static SettingsStore atDefaultLocation() {
        return new SettingsStore(defaultPath());
    }

    /** {@value #PATH_PROPERTY} if set, else {@code settings.json} in {@code .socketdeck} in the user's home. */
    public static Path defaultPath() {
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".socketdeck", "settings.json");
    }

    public Path file() {
        return file;
    }

    /** Reads the settings; never throws. See {@link #warning()} for why defaults are in use. */
    public synchronized Settings load() {
        warning = null;
        unusedFileInPlace = false;
        base = Map.of();
        Read read = read();
        if (read.problem() != null) {
            return fallBack(new SettingsWarning(read.problem(), file, keepAside(), read.detail()), read.cause());
        }
        Settings loaded = read.tree() == null ? new Settings() : Settings.of(read.tree()); // none: a first start
        base = loaded.toMap();
        return loaded;
    }

    /**
     * What is at the path now: a tree, nothing ({@code tree} and {@code problem} null), or a file
     * that cannot be used, corrupt or unreadable. The callers move either kind aside (a rename needs
     * no read permission): a save renames its file over this path, and would destroy it.
     */
    private Read read() {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // Never more than the cap, whatever the file's size says or becomes while it is read.
            content = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new Read(null, null, null, null);
        } catch (IOException | SecurityException e) {
            return new Read(null, SettingsWarning.Kind.UNREADABLE, e.toString(), e);
        }
        if (content.length > MAX_FILE_BYTES) {
            return new Read(null, SettingsWarning.Kind.CORRUPT, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB", null);
        }
        String problem;
        try {
            if (Json.parse(content) instanceof Map<?, ?> tree) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) tree;
                return new Read(Settings.of(typed).toMap(), null, null, null);
            }
            problem = "the file holds JSON but not an object";
        } catch (IOException e) {
            problem = e.getMessage();
        }
        return new Read(null, SettingsWarning.Kind.CORRUPT, firstLine(problem), null);
    }

    private record Read(Map<String, Object> tree, SettingsWarning.Kind problem, String detail, Exception cause) {
    }

    /** Why the last {@link #load()} fell back to defaults; empty when it read the file (or there was none). */
    public Optional<SettingsWarning> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Writes {@code settings} atomically, creating the directory if needed. Settings that would
     * make a file {@link #load()} refuses are not written: the previous file stays. A file the last
     * load could not use nor move aside is moved aside first; while it cannot be, nothing is written.
     *
     * @throws IOException when the file cannot be written, or would be over {@link #MAX_FILE_BYTES},
     *                     or an unused file is in the way
     */
    public synchronized void save(Settings settings) throws IOException {
        if (unusedFileInPlace) {
            // Tried again at each save: the user may have fixed the folder, or removed the file.
            if (present() && keepAside() == null) {
                throw new IOException("the settings file " + file + " could not be used at start and cannot be"
                        + " moved aside, so nothing is saved over it: move or remove it, then try again");
            }
            unusedFileInPlace = false;
        }
        Map<String, Object> ours = settings.toMap();
        byte[] json = Json.write(withOtherWriters(ours)).getBytes(StandardCharsets.UTF_8);
        if (json.length > MAX_FILE_BYTES) {
            throw new IOException("the settings would take " + json.length + " bytes, more than the "
                    + (MAX_FILE_BYTES >> 20) + " MiB a settings file may have");
        }
        AtomicFiles.write(file, json);
        base = ours;
    }

    /**
     * {@code ours} with what the file holds now wherever the caller changed nothing since its base
     * (see {@link SettingsMerge}): another instance's or a hand edit's saves are not undone by a
     * stale snapshot. Read and write are not one step: two saves within the same millisecond or so
     * can still miss each other.
     */
    private Map<String, Object> withOtherWriters(Map<String, Object> ours) throws IOException {
        Read now = read();
        if (now.problem() != null && present()) {
            // Damaged or made unreadable since it was read: kept aside, as at load, and this save written whole.
            Path kept = keepAside();
            if (kept == null) {
                throw new IOException("the settings file " + file + " cannot be used (" + now.detail()
                        + ") nor moved aside, so nothing is saved over it: move or remove it, then try again");
            }
            LOGGER.warn("settings {} unusable at save ({}: {}); moved to {}", file, now.problem(), now.detail(), kept);
            return ours;
        }
        if (now.tree() == null) {
            return ours; // none, or removed since: nothing of anyone's to keep
        }
        List<String> conflicts = new ArrayList<>();
        Map<String, Object> merged = SettingsMerge.merge(base, ours, now.tree(), conflicts);
        if (!conflicts.isEmpty()) {
            LOGGER.warn("settings {}: {} changed here and in the file since this instance read it (another"
                    + " instance?); this save's values are kept for those", file, conflicts);
        }
        return merged;
    }

    private Settings fallBack(SettingsWarning found, Exception cause) {
        warning = found;
        unusedFileInPlace = found.keptAs() == null && present();
        LOGGER.warn("settings {} unusable ({}: {}); using defaults{}", file, found.kind(), found.detail(),
                found.keptAs() == null ? "" : ", the file was moved to " + found.keptAs(), cause);
        return new Settings();
    }

    /** Moves the unused file out of the way under a name that no earlier copy has; null if it cannot. */
    private Path keepAside() {
        if (!present()) {
            return null; // nothing there, e.g. a file stands where the folder belongs
        }
        String base = file.getFileName() + "." + LocalDateTime.now().format(STAMP);
        Path target = file.resolveSibling(base + ".corrupt");
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(base + "-" + n + ".corrupt");
        }
        try {
            mover.move(file, target);
            return target;
        } catch (IOException | SecurityException e) {
            LOGGER.warn("cannot move the unused settings file {} aside", file, e);
            return null;
        }
    }

    /** Something is at the path, even a link to nowhere (that is what would be saved over). */
    private boolean present() {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
