package com.switchback.notification;

import com.switchback.base.i18n.Text;

import com.switchback.base.ActionRefusedException;
import java.util.Map;

/** A channel that cannot be saved as filled in: every broken rule, by field, for the form to mark. */
public class ChannelRefusedException extends ActionRefusedException {

    private final transient Map<String, Text> problems;

    public ChannelRefusedException(Map<String, Text> problems) {
        super(Text.of("channelForm.refused", problems.values().stream().map(Text::english)
                .collect(java.util.stream.Collectors.joining(" "))));
        this.problems = Map.copyOf(problems);
    }

    /** Every broken rule by field, for the page to say in its language. */
    public Map<String, Text> problems() {
        return problems;
    }
}
