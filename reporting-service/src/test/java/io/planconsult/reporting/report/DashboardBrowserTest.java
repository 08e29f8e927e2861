package io.planconsult.reporting.report;

import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.infra.testing.Await;

import io.planconsult.infra.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.reporting.report.TaggedEventPublisher.Spec;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Loads the dashboard in Debian's headless Chromium (through its chromedriver; nothing is downloaded) against the
 * running service, compares the numbers it shows with the API's, publishes one more suggestion and watches the
 * map update. Leaves target/dashboard.png (laptop width) and target/dashboard-phone.png.
 */
/** Runs as analyst: the endpoints under test need that role (README, "Who may do what"). */
@QuarkusTest
@SignedInAs("analyst")
class DashboardBrowserTest {

    private static final String CHROMIUM = System.getProperty("planconsult.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("planconsult.chromedriver", "/usr/bin/chromedriver");

    @TestHTTPResource("/dashboard/")
    URL dashboard;
    @Inject
    ObjectMapper mapper;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "install Debian's chromium and chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1366,1600", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dashboardShowsTheApiNumbersAndUpdatesWhenASuggestionArrives() throws Exception {
        TaggedEventPublisher events = new TaggedEventPublisher(mapper);
        long before = apiTotal();
        List<Spec> seed = List.of(Spec.of("xiaoshan", "industry", "萧山机器人产业链配套"),
                Spec.of("xiaoshan", "industry", "萧山减速器企业引进"),
                Spec.of("yuhang", "ai", "未来科技城算力券扩面"), Spec.of("qiantang", "opening", "下沙综保区跨境电商"),
                Spec.of("chunan", "gaps", "千岛湖生态补偿"));
        seed.forEach(events::publish);
        events.publish(Spec.of("jiande", "urban", "新安江两岸路灯晚上不亮"), List.of(ReviewReasons.LOW_CONFIDENCE), List.of());
        Await.await(() -> apiTotal() == before + seed.size() + 1, "the seeded suggestions are tallied");

        browser.get(dashboard.toString());
        // The table is re-rendered on every tally change: an element read in between is stale, and is read again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(b -> String.valueOf(apiTotal()).equals(b.findElement(By.id("total")).getText()));
        assertFalse(browser.findElements(By.cssSelector("#heatmap canvas")).isEmpty(), "ECharts drew the heat map");
        assertFalse(browser.findElements(By.cssSelector("#bars canvas")).isEmpty(), "ECharts drew the bars");
        assertEquals(apiCells(), shownCells(), "every heat-map number equals the API's");
        wait.until(b -> apiFlags().equals(shownFlags()));
        assertTrue(shownFlags().getOrDefault("jiande/urban", 0L) >= 1, "a cell shows its suggestions awaiting review");
        wait.until(b -> "积极推动文化“新三样”出海".equals(b.findElement(By.cssSelector("#tally-table th[data-topic='culture']"))
                .getText()));

        long xiaoshanIndustry = apiCells().get("xiaoshan/industry");
        events.publish(Spec.of("xiaoshan", "industry", "萧山伺服电机核心部件"));
        wait.until(b -> String.valueOf(xiaoshanIndustry + 1).equals(cell(b, "xiaoshan", "industry")));
        assertEquals(apiCells(), shownCells(), "after the update too");

        screenshot("dashboard.png");

        browser.findElement(By.id("lang")).click();
        wait.until(b -> "Xiaoshan".equals(b.findElement(By.cssSelector("#tally-table tr[data-district='xiaoshan'] td"))
                .getText()));

        // Lists are not aggregates: the dashboard sends the analyst token kept for this tab (pasted when first asked).
        browser.executeScript("sessionStorage.setItem('planconsult.token', arguments[0])",
                TestTokens.forRole("analyst"));
        // A click on a heat-map cell lists that cell's suggestions: the cell's position comes from the chart's own
        // layout.
        @SuppressWarnings("unchecked")
        List<Number> position = (List<Number>) browser.executeScript("""
                const chart = echarts.getInstanceByDom(document.getElementById('heatmap'));
                const x = chart.getOption().xAxis[0].data.indexOf('Xiaoshan');
                const y = chart.getOption().yAxis[0].data.findIndex((name) => name.startsWith('Modern '));
                return chart.convertToPixel({seriesIndex: 0}, [x, y]);
                """);
        WebElement heatmap = browser.findElement(By.id("heatmap"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", heatmap);
        Dimension size = heatmap.getSize();
        new Actions(browser).moveToElement(heatmap, position.get(0).intValue() - size.getWidth() / 2,
                position.get(1).intValue() - size.getHeight() / 2).click().perform();
        wait.until(b -> !b.findElements(By.cssSelector("#cell-list li")).isEmpty());
        List<String> listed = browser.findElements(By.cssSelector("#cell-list li")).stream().map(WebElement::getText)
                .toList();
        assertTrue(listed.contains("萧山伺服电机核心部件"), listed.toString());

        browser.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(500);
        Number scrollWidth = (Number) browser.executeScript("return document.querySelector('main').scrollWidth");
        assertTrue(scrollWidth.intValue() <= 390, "no sideways page scroll at phone width: " + scrollWidth);
        screenshot("dashboard-phone.png");
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a real screenshot in " + target);
    }

    private static String cell(org.openqa.selenium.WebDriver b, String district, String topic) {
        return b.findElement(By.cssSelector("td.tally[data-district='" + district + "'][data-topic='" + topic + "']"))
                .getText();
    }

    /** The numbers the page shows, read in one script run so a re-render cannot interleave. */
    private Map<String, Long> shownCells() {
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.executeScript("""
                const cells = {};
                for (const td of document.querySelectorAll('#tally-table td.tally')) {
                  if (td.textContent !== '0') {
                    cells[td.dataset.district + '/' + td.dataset.topic] = Number(td.textContent);
                  }
                }
                return cells;
                """);
        Map<String, Long> cells = new HashMap<>();
        shown.forEach((k, v) -> cells.put(k, ((Number) v).longValue()));
        return cells;
    }

    /** The flag figures the table shows beside its counts (data-flagged, drawn by CSS), read in one script run. */
    private Map<String, Long> shownFlags() {
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) browser.executeScript("""
                const flags = {};
                for (const td of document.querySelectorAll('#tally-table td.tally[data-flagged]')) {
                  flags[td.dataset.district + '/' + td.dataset.topic] = Number(td.dataset.flagged);
                }
                return flags;
                """);
        Map<String, Long> flags = new HashMap<>();
        shown.forEach((k, v) -> flags.put(k, ((Number) v).longValue()));
        return flags;
    }

    private static Map<String, Long> apiFlags() {
        JsonPath json = given().get("/api/v1/tallies").then().statusCode(200).extract().jsonPath();
        Map<String, Long> flags = new HashMap<>();
        for (Map<String, Object> c : json.<Map<String, Object>>getList("cells")) {
            long flagged = c.get("flagged") == null ? 0 : ((Number) c.get("flagged")).longValue();
            if (flagged != 0) {
                flags.put(c.get("district") + "/" + c.get("topic"), flagged);
            }
        }
        return flags;
    }

    private static Map<String, Long> apiCells() {
        JsonPath json = given().get("/api/v1/tallies").then().statusCode(200).extract().jsonPath();
        Map<String, Long> cells = new HashMap<>();
        for (Map<String, Object> c : json.<Map<String, Object>>getList("cells")) {
            long count = ((Number) c.get("count")).longValue();
            if (count != 0) {
                cells.put(c.get("district") + "/" + c.get("topic"), count);
            }
        }
        return cells;
    }

    private static long apiTotal() {
        return given().get("/api/v1/tallies").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
