package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Predicate;

/** Asks why a half-done action is run again from its failed step; Retry disables itself on the first click. */
class RetryDialog extends Dialog {

    final TextArea reason = new TextArea(t("retry.reasonRequired"));
    final Button retry = new Button(t("retry.retry"));

    RetryDialog(MigrationRequest r, Predicate<String> submit) {
        setHeaderTitle(t("retry.title", com.switchback.base.i18n.Texts.label(r.action())));
        add(new Paragraph(t("retry.explain")));
        reason.setMaxLength(MigrationService.MAX_REASON);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(e -> retry.setEnabled(!e.getValue().isBlank()));
        add(reason);
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.setEnabled(false);
        retry.setDisableOnClick(true);
        retry.addClickListener(e -> {
            if (submit.test(reason.getValue())) {
                close();
            } else {
                retry.setEnabled(true);
            }
        });
        getFooter().add(new Button(t(ActionDialog.DISMISS), e -> close()), retry);
    }
}
