package com.switchback.migration.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.Formats;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.migration.StepRecord;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.Instant;
import java.util.List;

/** The journal of a request as people read it: each step, its state and how long it took. */
public class StepsGrid extends FixedColumnsGrid<StepRecord> {

    public StepsGrid() {
        addColumn(s -> s.seq() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(StepRecord::title).setHeader(t("steps.step")).setFlexGrow(3);
        addColumn(new ComponentRenderer<>(StepsGrid::state)).setHeader(t("steps.state")).setKey("state")
                .setWidth("7em").setFlexGrow(0);
        addColumn(s -> Formats.duration(s.duration(Instant.now()))).setHeader(t("steps.duration")).setKey("duration")
                .setWidth("7em").setFlexGrow(0);
        addColumn(s -> s.error() != null ? s.error() : s.note()).setHeader(t("steps.details")).setKey("details").setFlexGrow(2);
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    }

    private List<StepRecord> shown = List.of();

    /** Shows the journal; an unchanged journal sends nothing to the browser. */
    public void show(List<StepRecord> steps) {
        if (!steps.equals(shown) || steps.stream().anyMatch(s -> s.state() == StepRecord.StepState.RUNNING)) {
            shown = steps;
            setItems(steps);
        }
    }

    private static Span state(StepRecord s) {
        Span span = new Span(Texts.label(s.state()));
        span.addClassName("sb-step-" + s.state().name());
        return span;
    }
}
