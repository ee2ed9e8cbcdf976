package com.switchback.migration.freeze.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ActionRefusedException;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.base.ui.Notifications;
import com.switchback.base.ui.UserTime;
import com.switchback.migration.freeze.ChangeFreeze;
import com.switchback.migration.freeze.FreezeService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Change freezes: everyone sees those in force and to come (and the record of past ones);
 * administrators define them and end them early.
 */
@Route("freezes")
@Menu(title = "freezes.changeFreezes", order = 40, icon = "vaadin:snowflake")
@RolesAllowed({AppRoles.DBA, AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class FreezesView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("freezes.changeFreezes");
    }

    public final Grid<ChangeFreeze> grid = new FixedColumnsGrid<>();
    public final DateTimePicker startsAt = com.switchback.base.ui.Pickers.of(t("common.fromZone", UserTime.zoneLabel()));
    public final DateTimePicker endsAt = com.switchback.base.ui.Pickers.of(t("common.untilZone", UserTime.zoneLabel()));
    public final TextField reason = new TextField(t("freezes.reason"));
    public final TextField clusters = new TextField(t("freezes.clustersEmptyEveryCluster"));
    public final Button create = new Button(t("freezes.addFreeze"), e -> create());
    private final FreezeService freezes;
    private final boolean admin;

    public FreezesView(FreezeService freezes, AuthenticationContext auth) {
        this.freezes = freezes;
        this.admin = auth.hasRole(AppRoles.ADMIN);
        grid.addColumn(f -> "#" + f.id()).setHeader(t("freezes.freeze")).setAutoWidth(true);
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(ChangeFreeze::startsAt)).setHeader(t("freezes.from")).setAutoWidth(true);
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(ChangeFreeze::endsAt)).setHeader(t("freezes.until")).setAutoWidth(true);
        grid.addColumn(ChangeFreeze::scope).setHeader(t("freezes.clusters")).setAutoWidth(true);
        grid.addColumn(ChangeFreeze::reason).setHeader(t("freezes.reason")).setFlexGrow(1);
        grid.addColumn(this::state).setHeader(t("freezes.state")).setAutoWidth(true);
        grid.addColumn(ChangeFreeze::createdBy).setHeader(t("freezes.by")).setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(f -> {
                Button end = new Button(f.startsAt().isAfter(Instant.now()) ? t("freezes.callOff") : t("freezes.endNow"),
                        e -> confirmEnd(f));
                end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                end.setVisible(f.endedBy() == null && f.endsAt().isAfter(Instant.now()));
                return end;
            }).setHeader("").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        String allowed = String.join(", ", freezes.allowedDuringFreeze().stream().map(com.switchback.base.i18n.Texts::label)
                .sorted().toList());
        add(new H2(t("freezes.changeFreezes")), new Paragraph(t("freezes.intro",
                allowed.isEmpty() ? t("freezes.none") : allowed)), grid);
        if (admin) {
            reason.setMaxLength(FreezeService.MAX_REASON);
            reason.setWidth("24em");
            clusters.setHelperText(t("freezes.clusterIdsCommaSeparated"));
            startsAt.setStep(java.time.Duration.ofMinutes(15));
            endsAt.setStep(java.time.Duration.ofMinutes(15));
            var now = UserTime.toPicker(Instant.now()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
            startsAt.setValue(now);
            endsAt.setValue(now.plusDays(1));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(startsAt, endsAt, reason, clusters, create);
            form.setAlignItems(Alignment.BASELINE);
            form.setWrap(true);
            add(new H3(t("freezes.addAFreeze")), form);
            reason.addValueChangeListener(e -> reason.setInvalid(false));
            endsAt.addValueChangeListener(e -> endsAt.setInvalid(false));
        }
        refresh();
    }

    private String state(ChangeFreeze f) {
        Instant now = Instant.now();
        if (f.endedBy() != null) {
            return t("freezes.endedBy", f.endedBy());
        }
        return f.inForce(now) ? t("freezes.inForce") : f.startsAt().isAfter(now) ? t("freezes.toCome") : t("freezes.over");
    }

    private void refresh() {
        grid.setItems(freezes.recent());
    }

    void create() {
        Instant from = UserTime.fromPicker(startsAt.getValue());
        Instant until = UserTime.fromPicker(endsAt.getValue());
        try {
            ChangeFreeze f = freezes.create(from, until, reason.getValue(), Arrays.asList(clusters.getValue().split(",")));
            Notifications.success(t("freezes.added", f.id()));
            reason.clear();
            clusters.clear();
            refresh();
        } catch (ActionRefusedException e) {
            // Said on the field it is about: the reason, or else the times.
            var field = e.reason().key().startsWith(FreezeService.REASON_FIELD) ? reason : endsAt;
            field.setErrorMessage(t(e.reason()));
            field.setInvalid(true);
        }
    }

    private void confirmEnd(ChangeFreeze f) {
        ConfirmDialog confirm = new ConfirmDialog(t("freezes.endTitle", f.id()),
                t("freezes.endMessage", com.switchback.migration.ui.Said.scope(f)), t("freezes.endButton", f.id()), e -> {
                    try {
                        freezes.end(f.id());
                        Notifications.success(t("freezes.ended", f.id()));
                    } catch (ActionRefusedException ex) {
                        Notifications.error(t(ex.reason()));
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(t("freezes.keepIt"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
