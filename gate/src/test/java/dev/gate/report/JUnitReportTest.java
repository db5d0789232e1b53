package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.verdict.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** junit.xml, read back with the JDK's own XML parser, the way a CI system reads it. */
class JUnitReportTest {
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element testcase(Document doc, String id) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + id);
    }

    @Test
    void thereIsATestSuitePerKindAndATestCasePerCheck() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.blocked()));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly("commit", "page", "api", "latency", "budget", "cdn-cache");
        Element pages = suites.get(1);
        assertThat(pages.getAttribute("tests")).isEqualTo("2");
        assertThat(pages.getAttribute("failures")).isEqualTo("1");
        assertThat(pages.getAttribute("errors")).isEqualTo("0");
        assertThat(pages.getAttribute("time")).isEqualTo("4.600");
        assertThat(pages.getAttribute("timestamp")).isEqualTo("2026-11-25T10:00:00");
        assertThat(children(pages, "testcase")).extracting(c -> c.getAttribute("classname") + "." + c.getAttribute("name"))
                .containsExactly("page.home", "page.checkout");
    }

    @Test
    void aFailureCarriesTheSummaryAsMessageAndTheDetailsAsBody() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.blocked()));

        Element checkout = testcase(doc, "checkout");
        assertThat(checkout.getAttribute("time")).isEqualTo("2.300");
        Element failure = children(checkout, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("2 console errors and 1 failed same-origin request");
        assertThat(failure.getTextContent()).isEqualTo("GET /checkout\n"
                + "console error: Uncaught TypeError: Cannot read properties of undefined (reading 'total')\n"
                + "console error: <img src=x onerror=alert(1)> failed to render\n"
                + "request failed: GET /assets/checkout.3f2a1b.js → 404\n"
                + "runbook: playbooks/console-errors.md\n"
                + "screenshot: artifacts/checkout/screenshot.png\n"
                + "trace: artifacts/checkout/trace.zip\n"
                + "console: artifacts/checkout/console.log\n");
    }

    @Test
    void aCheckThatCouldNotRunIsAnErrorNotAFailure() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.blocked()));

        Element orders = testcase(doc, "orders");
        assertThat(children(orders, "failure")).isEmpty();
        assertThat(children(orders, "error").get(0).getAttribute("message"))
                .isEqualTo("could not connect to 127.0.0.1:9 within 10s: connection refused");
    }

    @Test
    void aWarningPassesWithTheWarningInItsOutput() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.blocked()));

        Element budget = testcase(doc, "budget-health");
        assertThat(children(budget, "failure")).isEmpty();
        assertThat(children(budget, "error")).isEmpty();
        assertThat(children(budget, "skipped")).isEmpty();
        assertThat(children(budget, "system-out").get(0).getTextContent())
                .startsWith("WARN: p95 281ms is within 10% of the 300ms budget\n");
    }

    @Test
    void aPassingCheckWithNothingToSayIsAnEmptyTestCase() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.passed()));

        Element health = testcase(doc, "health");
        assertThat(health.getChildNodes().getLength()).isZero();
        assertThat(health.getAttribute("time")).isEqualTo("0.040");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void textFromTheSiteSurvivesTheRoundTripExactlyAndForbiddenCharactersAreDropped() throws Exception {
        String summary = "<script>alert(1)</script> \"'& ]]> line\nbreak \u0000\u001b[0m";
        CheckResult hostile = new CheckResult("a\"b<c", "page&co", "x", Status.FAIL, summary,
                List.of("</failure><error>injected", "\uFFFF\uD800"), Map.of(), List.of(), "", Duration.ofMillis(1));

        Document doc = parse(JUnitReport.render(SampleRuns.record(Verdict.BLOCK, 1, summary, List.of(hostile), List.of())));

        Element c = testcase(doc, "a\"b<c");
        assertThat(c.getAttribute("classname")).isEqualTo("page&co");
        Element failure = children(c, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("<script>alert(1)</script> \"'& ]]> line\nbreak [0m");
        assertThat(failure.getTextContent()).isEqualTo("x\n</failure><error>injected\n\n");
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
        Node property = doc.getElementsByTagName("property").item(0);
        assertThat(((Element) property).getAttribute("name")).isEqualTo("verdict");
    }

    @Test
    void aFlakyCheckPassesWithAFlakyFailurePerFailedAttemptAsSurefireWritesIt() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.retried()));

        Element home = testcase(doc, "home");
        assertThat(children(home, "failure")).isEmpty();
        assertThat(children(home, "error")).isEmpty();
        Element flaky = children(home, "flakyFailure").get(0);
        assertThat(children(home, "flakyFailure")).hasSize(1);
        assertThat(flaky.getAttribute("message")).isEqualTo("GET / → 503 (expected 200)");
        assertThat(flaky.getAttribute("type")).isEqualTo("FAIL");
        assertThat(children(flaky, "stackTrace").get(0).getTextContent())
                .isEqualTo("block: GET / → 503 (expected 200)\nscreenshot: artifacts/home/screenshot.png\n");
        assertThat(children(home, "system-out").get(0).getTextContent())
                .startsWith("WARN: flaky: page / passed on the second attempt; the first failed: HTTP 503\n");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void aCheckFailingEveryAttemptHasItsFailureAndARerunPerEarlierAttempt() throws Exception {
        Document doc = parse(JUnitReport.render(SampleRuns.retried()));

        Element orders = testcase(doc, "orders");
        assertThat(children(orders, "failure").get(0).getAttribute("message"))
                .isEqualTo("GET /api/orders → 503 (expected 2xx): draining (all 3 attempts failed)");
        assertThat(children(orders, "rerunFailure")).hasSize(2).allSatisfy(rerun -> {
            assertThat(rerun.getAttribute("message")).isEqualTo("GET /api/orders → 503 (expected 2xx): draining");
            assertThat(rerun.getAttribute("type")).isEqualTo("FAIL");
        });
        assertThat(children(orders, "flakyFailure")).isEmpty();
        Element cart = testcase(doc, "cart");
        assertThat(children(cart, "error")).hasSize(1);
        assertThat(children(cart, "rerunFailure")).extracting(e -> e.getAttribute("message"))
                .containsExactly("GET /api/cart: 127.0.0.1:8080 closed the connection without a response");
    }
}
