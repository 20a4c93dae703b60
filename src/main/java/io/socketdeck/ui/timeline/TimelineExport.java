package io.socketdeck.ui.timeline;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.timeline.ConnectionTimeline;
import io.socketdeck.core.timeline.TimelineCsv;
import io.socketdeck.core.util.PrivateFiles;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.IoWorkers;
import java.util.function.BiConsumer;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Saves a timeline as CSV, as the log's Save does its rows: on a worker, the outcome a note in the log. */
final class TimelineExport {

    private TimelineExport() {
    }

    static void chooseAndSave(Node owner, ConnectionTimeline timeline, BiConsumer<LogEntry.Kind, String> notes) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("timeline.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("timeline.export.csv"), "*.csv"));
        chooser.setInitialFileName("timeline.csv");
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            save(timeline, file.toPath(), notes);
        }
    }

    /** Writes the whole timeline to {@code file} on a worker; the returned task tells when it is done. */
    static Task<Integer> save(ConnectionTimeline timeline, Path file, BiConsumer<LogEntry.Kind, String> notes) {
        ConnectionTimeline.Snapshot snapshot = timeline.all();
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                try (Writer out = PrivateFiles.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    TimelineCsv.write(snapshot, out);
                }
                return snapshot.events().size() + snapshot.traffic().size();
            }
        };
        task.setOnSucceeded(event -> notes.accept(LogEntry.Kind.INFO,
                I18n.format("timeline.export.saved", task.getValue(), file.toString())));
        task.setOnFailed(event -> notes.accept(LogEntry.Kind.ERROR,
                I18n.format("timeline.export.failed", file.toString(), IoErrors.describe(task.getException()))));
        IoWorkers.run(task);
        return task;
    }
}
