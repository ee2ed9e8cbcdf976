package com.switchback.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.RequestState;
import com.switchback.migration.StepRecord;
import com.switchback.migration.Topology;
import com.switchback.notification.ChannelType;
import com.switchback.notification.Event;
import com.switchback.security.session.SessionEnd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two languages say the same things: the same keys, the same placeholders, nothing blank; every
 * key the code asks for exists; and no view carries a sentence of its own instead of a key.
 */
class MessageBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/switchback");

    private final Properties english = load("i18n/messages.properties");
    private final Properties chinese = load("i18n/messages_zh_CN.properties");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholdersAndNothingBlank() {
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            assertThat(en.isBlank() && !key.equals("common.empty")).as(key + " is blank").isFalse();
            assertThat(zh.isBlank() && !key.equals("common.empty")).as(key + " is blank").isFalse();
            assertThat(placeholders(zh)).as("placeholders of " + key).isEqualTo(placeholders(en));
        }
    }

    @Test
    void chineseIsChineseWhereEnglishIsASentence() {
        // A value copied over untranslated is a missed translation; product names and codes may stay.
        List<String> untranslated = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).trim().split("\\s+").length >= 3)
                .filter(k -> Pattern.compile("(?<![\\w{])[a-z]{3,}(?![\\w}])").matcher(english.getProperty(k)).find())
                .filter(k -> english.getProperty(k).equals(chinese.getProperty(k)))
                .sorted().toList();
        assertThat(untranslated).isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Pattern call = Pattern.compile("(?:\\bt\\(|Messages\\.get\\([^,()]+, |Text\\.of\\(|Titles\\.page\\(|"
                + "ActionRefusedException\\(|@Menu\\(title = )\"([a-zA-Z]\\w*(?:\\.[\\w-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        for (Path file : javaFiles(SOURCES)) {
            String source = Files.readString(file);
            Matcher m = call.matcher(source);
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(m.group(1) + " (" + file.getFileName() + ")");
                }
            }
        }
        // Keys kept in constants and looked up by a t(...) elsewhere.
        Matcher constants = Pattern.compile("= \"(action\\.[\\w.]+|endpoints\\.[\\w.]+|actions\\.[\\w.]+|demo\\.[\\w.]+)\";")
                .matcher(Files.readString(SOURCES.resolve("migration/ui/ActionTexts.java"))
                        + Files.readString(SOURCES.resolve("migration/ui/EndpointNotice.java"))
                        + Files.readString(SOURCES.resolve("migration/ui/ActionButtons.java"))
                        + Files.readString(SOURCES.resolve("base/ui/DemoMarker.java")));
        while (constants.find()) {
            if (!english.containsKey(constants.group(1))) {
                missing.add(constants.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLabelBuiltFromAValueExists() {
        List<String> keys = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(MigrationStatus.class, MigrationAction.class, ReadWriteMode.class,
                Topology.class, Endpoint.Side.class, StepRecord.StepState.class, RequestState.class, ChannelType.class,
                Event.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                keys.add("enum." + type.getSimpleName() + "." + value.name());
            }
        }
        keys.add(MigrationStatus.labelKey("SOMETHING_NEW"));
        keys.add(MigrationStatus.labelKey(MigrationStatus.UNREACHABLE));
        for (RequestState s : RequestState.values()) {
            keys.add("badge.RequestState." + s.name());
        }
        for (SessionEnd e : SessionEnd.values()) {
            keys.add("sessionEnd." + e.name());
        }
        for (ChannelType c : ChannelType.values()) {
            keys.add("channelType." + c.name() + ".endpoint");
            if (c.hasSecret()) {
                keys.add("channelType." + c.name() + ".secret");
            }
        }
        for (String kind : List.of("400", "403", "404", "405", "413", "500", "other")) {
            keys.add("error." + kind + ".title");
            keys.add("error." + kind + ".message");
        }
        assertThat(keys).allSatisfy(k -> assertThat(english.containsKey(k)).as(k).isTrue());
    }

    @Test
    void aPlaceholderIsFilledAndAnApostropheStays() {
        assertThat(Messages.get(Locale.ENGLISH, "requestText.pending", "2026-11-28 10:00"))
                .isEqualTo("Waiting for a team lead's approval until 2026-11-28 10:00.");
        assertThat(Messages.get(Messages.CHINESE, "migration.withdrawn", 7)).isEqualTo("申请 #7 已撤回。");
        assertThat(Messages.get(Locale.forLanguageTag("zh-TW"), "login.logIn")).isEqualTo("登录");
        assertThat(Messages.get(Locale.GERMAN, "login.logIn")).isEqualTo("Log in");
        assertThat(Messages.fill("{0} of {1}", 3)).isEqualTo("3 of {1}");
        // A leading space survives the properties format.
        assertThat(Messages.get(Locale.ENGLISH, "latest.stateLeft", "x")).isEqualTo(" State left behind: x");
    }

    @Test
    void aTextKeptInAColumnReadsBackInEachLanguage() {
        Text notice = Text.of("notice.approved", 42L, Text.of("enum.MigrationAction.ROLL_BACK"), "pc-1",
                Text.of("notice.byWithComment", "lead", "ok, go"));
        Text back = Text.stored(notice.key(), notice.storedParams());
        assertThat(back.english()).isEqualTo("Request #42 (Roll Back Migration on pc-1) was approved by lead (“ok, go”).")
                .isEqualTo(notice.english());
        assertThat(back.in(Messages.CHINESE)).isEqualTo("申请 #42（pc-1 上的回滚迁移）已批准，操作人 lead（“ok, go”）。");
        // Typed text cannot break the format.
        Text hostile = Text.of("notice.stepFailed", 1, "\u001F\u241Fx\u001E", "c", "y");
        assertThat(Text.stored(hostile.key(), hostile.storedParams()).english()).isEqualTo("Request #1 (  x  on c): y");
    }

    /**
     * No sentence of its own in a view: what a person reads comes from the bundles. A literal with a
     * capitalised word or two words in a row is a hard-coded text unless it is plainly not words
     * (markup, CSS, a pattern, a theme) or one of the few names that are the same in every language.
     */
    @Test
    void noViewHoldsAHardCodedText() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern wordy = Pattern.compile("(?<![A-Za-z])[A-Z][a-z]+|[A-Za-z]{2,} [A-Za-z]{2,}");
        Set<String> sameInEveryLanguage = Set.of("Switchback", "Cache-Control", "Sec-WebSocket-Extensions", "error primary", "badge small",
                "badge contrast", "badge pill small contrast", "badge error", " success", " error");
        List<String> technicalLine = List.of("log.", "LoggerFactory", "ofPattern(", "setWidth(", "setMaxWidth(",
                "setMinWidth(", "setHeight(", "executeJs(", "getStyle()", "addClassName", "setClassName", "ThemeList",
                "ThemeVariants", "setConfirmButtonTheme(", "audit.record(", "@Route", "@CssImport", "import ", "\"theme\"",
                "setAttribute(\"class\"", "Pattern.compile");
        List<String> found = new ArrayList<>();
        List<Path> views = new ArrayList<>(javaFiles(SOURCES).stream().filter(p -> p.toString().contains("/ui/")).toList());
        views.addAll(javaFiles(SOURCES.resolve("base/web")));
        for (Path file : views) {
            List<String> lines = Files.readAllLines(file);
            boolean inTextBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("\"\"\"")) {
                    inTextBlock = !inTextBlock;
                    continue;
                }
                String code = line.strip();
                if (code.contains("static") && code.matches(".*=\\s*t\\(.*")) {
                    // Said once at class loading, in whatever language the first page had.
                    found.add(SOURCES.relativize(file) + ":" + (i + 1) + " a translated constant");
                }
                if (inTextBlock || code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")
                        || technicalLine.stream().anyMatch(line::contains)) {
                    continue;
                }
                Matcher m = literal.matcher(line);
                while (m.find()) {
                    String s = m.group(1);
                    boolean markup = s.contains("<") || s.contains("\\\"") || s.contains("${") || s.contains("=");
                    boolean key = s.matches("[a-zA-Z]\\w*(\\.[\\w-]+)*\\.?") && s.contains(".");
                    if (!markup && !key && !sameInEveryLanguage.contains(s) && wordy.matcher(s).find()) {
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + " \"" + s + "\"");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}|%[,.\\d]*[dfs]").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
