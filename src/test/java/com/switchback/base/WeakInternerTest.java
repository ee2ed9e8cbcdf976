package com.switchback.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeakInternerTest {

    record Row(String id, int latency) {
    }

    @Test
    void equalValuesBecomeOneInstanceAndDifferentOnesStayApart() {
        WeakInterner<Row> rows = new WeakInterner<>();
        Row first = rows.intern(new Row("pc-1", 3));
        assertThat(rows.intern(new Row("pc-1", 3))).isSameAs(first);
        Row changed = rows.intern(new Row("pc-1", 4));
        assertThat(changed).isNotSameAs(first).isEqualTo(new Row("pc-1", 4));
        assertThat(rows.intern(new Row("pc-2", 3))).isNotSameAs(first);
    }
}
