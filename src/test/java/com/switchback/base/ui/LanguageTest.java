package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.base.i18n.Messages;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console in Chinese: every page in the person's language, and their choice remembered. */
class LanguageTest extends KaribuTest {

    @Autowired MigrationService migrations;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    private static final String[] ALL_ROLES = {"DBA", "TEAM_LEAD", "AUDITOR", "ADMIN"};

    /**
     * Each page, drawn in Chinese, shows no English sentence of the bundle: a text the page took from
     * somewhere else than the bundle (an enum's English label, a constant) would show one.
     */
    @Test
    void everyPageInChineseShowsNoEnglishSentence() throws IOException {
        var fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        MigrationRequest r = TestFleet.switchOverRequested(migrations, id);
        login("lead", ALL_ROLES);
        UI.getCurrent().setLocale(Messages.CHINESE);
        List<String> englishSentences = englishSentences();
        for (String page : List.of("clusters", "clusters/" + id, "requests", "requests/" + r.id(), "approvals",
                "approvals/" + r.id(), "audit", "account-changes", "users", "sessions", "password", "channels",
                "freezes")) {
            UI.getCurrent().navigate(page);
            // The audit trail's rows are records, kept as written (in English); its page is not.
            boolean records = page.startsWith("audit") || page.startsWith("account-changes");
            List<String> shown = shownTexts(!records);
            assertThat(shown).as(page).isNotEmpty();
            assertThat(shown.stream().filter(text -> englishSentences.stream().anyMatch(text::contains)).toList())
                    .as("English on " + page).isEmpty();
        }
    }

    @Test
    void chineseWordsOfTheVendorsConsoleOnTheClusterPage() throws IOException {
        var fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        login("dba", "DBA");
        UI.getCurrent().setLocale(Messages.CHINESE);
        UI.getCurrent().navigate("clusters/" + id);
        List<String> english = englishSentences();
        // The readiness checks by their Chinese names (what the backend reported about each stays as reported).
        _click(_get(Button.class, spec -> spec.withText("检查就绪状态")));
        List<String> checks = _find(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("sb-check-pass"))
                .stream().map(com.vaadin.flow.component.html.Span::getText).toList();
        assertThat(checks).isNotEmpty().allSatisfy(line -> assertThat(line.split(" — ")[0])
                .matches(".*[\\u4e00-\\u9fff].*|✓ binlog_format"));
        // A button a status does not allow says why, in Chinese.
        assertThat(shownTexts()).anyMatch(text -> text.startsWith("仅当状态为 POLARDB2RDS_SYNCING 时才能回滚迁移"));
        _click(_get(Button.class, spec -> spec.withText("切换")));
        List<String> shown = shownTexts();
        assertThat(shown).contains("带地址切换（应用程序不用改连接配置）", "不带地址切换（应用程序需要改为新的 PolarDB 连接配置）",
                "源 RDS 实例");
        assertThat(shown).anyMatch(text -> text.contains("同步到 PolarDB 中"));
        assertThat(shown.stream().filter(text -> english.stream().anyMatch(text::contains)).toList())
                .as("English in the Switch Over dialog").isEmpty();
    }

    @Test
    void theLanguagePickedInTheUserMenuIsRememberedWithTheAccount() {
        jdbc.sql("update app_user set locale = null where username = 'auditor'").update();
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters");
        assertThat(_get(H2.class).getText()).isEqualTo("Clusters");
        assertThat(languageButton()).isEqualTo("中文");
        DarkModeTest.click(_get(MainLayout.class).navbar, "language");
        assertThat(jdbc.sql("select locale from app_user where username = 'auditor'").query(String.class).single())
                .isEqualTo("zh-CN");

        // The next page (a new UI, as after the reload) speaks Chinese whatever the browser says.
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("com.switchback"), ctx, UI::new));
        login("auditor", "AUDITOR");
        UI.getCurrent().getPage().reload();
        // Karibu's UI is created before the login above: the listener runs on a new UI, as a reload makes one.
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(
                new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("com.switchback"), ctx, UI::new));
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters");
        assertThat(_get(H2.class).getText()).isEqualTo("集群列表");
        assertThat(languageButton()).isEqualTo("English");
        jdbc.sql("update app_user set locale = null where username = 'auditor'").update();
    }

    /** The words of the bar's language button. */
    private static String languageButton() {
        return org.jsoup.Jsoup.parseBodyFragment(_get(MainLayout.class).navbar.getInnerHtml())
                .select("vaadin-button[data-sb-action=language]").text();
    }

    /** Every text a person can read on the page: text nodes, labels, hints, headers, titles, grid rows. */
    private static List<String> shownTexts() {
        return shownTexts(true);
    }

    private static List<String> shownTexts(boolean withRows) {
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent(), texts);
        // An open dialog or notification hangs off the UI's overlay container, not the view.
        _find(com.vaadin.flow.component.dialog.Dialog.class).forEach(d -> collect(d, texts));
        for (Grid<?> grid : _find(Grid.class)) {
            grid.getColumns().forEach(c -> texts.add(c.getHeaderText()));
            int rows = withRows ? Math.min(5, GridKt._size(grid)) : 0;
            for (int i = 0; i < rows; i++) {
                texts.add(GridKt._getFormattedRow(grid, i).toString());
            }
        }
        texts.removeIf(t -> t == null || t.isBlank());
        return texts;
    }

    private static void collect(com.vaadin.flow.component.Component c, List<String> texts) {
        Element e = c.getElement();
        texts.add(e.getText());
        for (String property : List.of("label", "placeholder", "helperText", "errorMessage", "headerTitle")) {
            texts.add(e.getProperty(property));
        }
        texts.add(e.getAttribute("title"));
        // The bar and the navigation are markup: their words and titles are in it.
        if (c instanceof com.vaadin.flow.component.Html html) {
            var markup = org.jsoup.Jsoup.parseBodyFragment(html.getInnerHtml());
            markup.getAllElements().forEach(m -> {
                texts.add(m.ownText());
                texts.add(m.attr("title"));
            });
        }
        c.getChildren().forEach(child -> collect(child, texts));
    }

    /** The English bundle's sentences (three words or more), each cut at its placeholders. */
    private static List<String> englishSentences() throws IOException {
        Properties english = new Properties();
        Properties chinese = new Properties();
        ClassLoader loader = LanguageTest.class.getClassLoader();
        english.load(new InputStreamReader(loader.getResourceAsStream("i18n/messages.properties"), StandardCharsets.UTF_8));
        chinese.load(new InputStreamReader(loader.getResourceAsStream("i18n/messages_zh_CN.properties"),
                StandardCharsets.UTF_8));
        Pattern word = Pattern.compile("(?<![\\w{])[a-z]{3,}(?![\\w}])");
        List<String> sentences = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (english.getProperty(key).equals(chinese.getProperty(key))) {
                continue;
            }
            for (String part : english.getProperty(key).split("\\{\\d}|%[,.\\d]*[dfs]")) {
                part = part.strip();
                if (part.split("\\s+").length >= 3 && word.matcher(part).find()) {
                    sentences.add(part);
                }
            }
        }
        return sentences;
    }
}
