package com.switchback.notification;

import com.switchback.base.ActionRefusedException;
import java.util.Map;

/** A channel that cannot be saved as filled in: every broken rule, by field, for the form to mark. */
public class ChannelRefusedException extends ActionRefusedException {

    private final transient Map<String, String> problems;

    public ChannelRefusedException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
