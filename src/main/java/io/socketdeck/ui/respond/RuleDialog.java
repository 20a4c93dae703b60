package io.socketdeck.ui.respond;

import static io.socketdeck.ui.fx.DialogFields.checkBox;
import static io.socketdeck.ui.fx.DialogFields.hint;
import static io.socketdeck.ui.fx.DialogFields.named;
import static io.socketdeck.ui.fx.DialogFields.textField;
import static io.socketdeck.ui.fx.DialogFields.withMessage;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.SendOptionChoices;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FormGrid;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Adds or edits an auto-reply rule: what to match and how, what to answer (with the send box's
 * options and macros), and after how long. OK checks the rule first: a regular expression that
 * does not compile, bad hex, a reply that cannot be built keep the dialog open with the reason
 * under that field.
 */
final class RuleDialog extends Dialog<Rule> {

    private final TextField name = textField("ruleName", TextField.DEFAULT_PREF_COLUMN_COUNT);
    private final ComboBox<Rule.Match> match = new ComboBox<>();
    private final TextField pattern = textField("rulePattern", TextField.DEFAULT_PREF_COLUMN_COUNT);
    private final TextArea reply = new TextArea();
    private final CheckBox hex = checkBox("ruleHex", I18n.text("send.hex"));
    private final CheckBox escapes = checkBox("ruleEscapes", I18n.text("send.escapes"));
    private final ComboBox<Charset> encoding = new ComboBox<>();
    private final ComboBox<LineEnding> lineEnding = SendOptionChoices.lineEndings();
    private final ComboBox<Checksum> checksum = SendOptionChoices.checksums();
    private final TextField delay = textField("ruleDelay", 6);
    private final StringProperty patternError = new SimpleStringProperty();
    private final StringProperty replyError = new SimpleStringProperty();
    private final StringProperty delayError = new SimpleStringProperty();
    private final boolean enabled;

    RuleDialog(Window owner, Rule initial) {
        initOwner(owner);
        setTitle(I18n.text(initial == null ? "rule.add.title" : "rule.edit.title"));
        match.setId("ruleMatch");
        match.getItems().setAll(Rule.Match.values());
        match.setConverter(named(value -> I18n.text("rule.match." + value.name())));
        reply.setId("ruleReply");
        reply.setPrefRowCount(3);
        reply.setPrefColumnCount(28);
        reply.setWrapText(true);
        reply.getStyleClass().add("send-input");
        pattern.getStyleClass().add("send-input");
        encoding.setId("ruleEncoding");
        encoding.getItems().setAll(SupportedCharsets.all());
        encoding.setConverter(SendOptionChoices.charsetNames());
        lineEnding.setId("ruleLineEnding");
        checksum.setId("ruleChecksum");

        Rule start = initial != null ? initial
                : new Rule(true, Rule.Match.CONTAINS, "", QuickCommand.text("", ""), 0);
        enabled = start.enabled();
        name.setText(start.name());
        match.setValue(start.match());
        pattern.setText(start.pattern());
        reply.setText(start.reply().payload());
        hex.setSelected(start.reply().hex());
        escapes.setSelected(start.reply().escapes());
        encoding.setValue(SupportedCharsets.byName(start.reply().charsetName()));
        lineEnding.setValue(start.reply().lineEnding());
        checksum.setValue(start.reply().checksum());
        delay.setText(Long.toString(start.delayMillis()));
        escapes.disableProperty().bind(hex.selectedProperty());

        FormGrid grid = new FormGrid()
                .row(I18n.text("rule.name"), name)
                .row(I18n.text("rule.when"), match)
                .row(I18n.text("rule.pattern"), withMessage(pattern, patternError, "rulePatternError"))
                .row(I18n.text("rule.reply"), withMessage(reply, replyError, "ruleReplyError"))
                .row(I18n.text("log.encoding"), encoding)
                .row(null, new HBox(16, hex, escapes))
                .row(I18n.text("send.lineEnding"), lineEnding)
                .row(I18n.text("send.checksum"), checksum)
                .row(I18n.text("rule.delay"), withMessage(delay, delayError, "ruleDelayError"))
                .wide(hint(I18n.format("rule.hint"))); // a pattern: its quotes keep the braces
        getDialogPane().setContent(grid);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        setResizable(true);
        DialogStyle.like(this, owner);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            if (rule() == null) {
                event.consume(); // the reason is under the field
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? rule() : null);
    }

    /** The rule the fields describe; null, with the reason under the field at fault, when it cannot be used. */
    Rule rule() {
        patternError.set(null);
        replyError.set(null);
        delayError.set(null);
        long millis = Numbers.parse(delay.getText(), 0, Rule.MAX_DELAY_MILLIS);
        if (millis < 0) {
            delayError.set(I18n.format("rule.error.delay", I18n.count(Rule.MAX_DELAY_MILLIS)));
            return null;
        }
        String title = name.getText().isBlank() ? pattern.getText().strip() : name.getText().strip();
        Charset charset = encoding.getValue() == null ? StandardCharsets.UTF_8 : encoding.getValue();
        QuickCommand answer = new QuickCommand(title, reply.getText(), hex.isSelected(), charset.name(),
                escapes.isSelected(), lineEnding.getValue(), checksum.getValue());
        Rule rule = new Rule(enabled, match.getValue(), pattern.getText(), answer, millis);
        try {
            RuleSet.check(rule);
            return rule;
        } catch (RuleException e) {
            (e.field() == RuleException.Field.PATTERN ? patternError : replyError).set(describe(e));
            return null;
        }
    }

    private static String describe(RuleException e) {
        return InputErrors.rule(e); // the command line's --rules says the same
    }
}
