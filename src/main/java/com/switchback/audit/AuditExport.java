package com.switchback.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes events as CSV or JSON lines, one event per line whatever the text holds: line breaks in
 * user text are written as {@code \n}, and CSV cells that a spreadsheet would run as a formula
 * are prefixed with an apostrophe.
 */
public enum AuditExport {
    CSV("text/csv", "csv"),
    JSON_LINES("application/x-ndjson", "jsonl");

    static final List<String> COLUMNS = List.of("seq", "occurred_at", "actor", "actor_roles", "client_address",
            "action", "cluster_id", "request_id", "outcome", "emergency", "details", "prev_hash", "hash", "hash_version");

    private final String contentType;
    private final String extension;

    AuditExport(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    void header(Writer out) {
        if (this == CSV) {
            write(out, String.join(",", COLUMNS) + "\n");
        }
    }

    void row(Writer out, AuditEvent e) {
        List<String> values = List.of(Long.toString(e.seq()), e.occurredAt().toString(), e.actor(), e.actorRoles(),
                e.clientAddress(), e.action(), e.clusterId() == null ? "" : e.clusterId(),
                e.requestId() == null ? "" : e.requestId().toString(), e.outcome().name(),
                Boolean.toString(e.emergency()), e.details(), e.prevHash(), e.hash(), Integer.toString(e.hashVersion()));
        StringBuilder line = new StringBuilder();
        if (this == CSV) {
            for (int i = 0; i < values.size(); i++) {
                line.append(i == 0 ? "" : ",").append(csv(values.get(i)));
            }
        } else {
            line.append('{');
            for (int i = 0; i < values.size(); i++) {
                line.append(i == 0 ? "" : ",").append(json(COLUMNS.get(i))).append(':');
                String v = values.get(i);
                boolean number = (i == 0 || i == 7 || i == 13) && !v.isEmpty();
                boolean bool = i == 9;
                // An absent cluster or request is null, not "": the hash tells the two apart (DD005).
                boolean absent = (i == 6 && e.clusterId() == null) || (i == 7 && e.requestId() == null);
                line.append(absent ? "null" : number || bool ? v : json(v));
            }
            line.append('}');
        }
        write(out, line.append('\n').toString());
    }

    /** A checkpoint line of a JSON-lines export: {"checkpoint":{...}}. */
    void checkpoint(Writer out, AuditCheckpoints.Checkpoint c) {
        write(out, "{\"checkpoint\":{\"id\":" + c.id() + ",\"event_seq\":" + c.eventSeq() + ",\"head_hash\":"
                + json(c.headHash()) + ",\"created_at\":" + json(c.createdAt().toString()) + ",\"key_id\":"
                + json(c.keyId()) + ",\"signature\":" + json(c.signature()) + "}}\n");
    }

    static String csv(String v) {
        String oneLine = v.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        if (!oneLine.isEmpty() && "=+-@\t".indexOf(oneLine.charAt(0)) >= 0) {
            oneLine = "'" + oneLine;
        }
        return "\"" + oneLine.replace("\"", "\"\"") + "\"";
    }

    static String json(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
