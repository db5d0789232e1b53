package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gate.checks.Severity;
import dev.gate.checks.page.PageWeightSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageWeightSuiteTest {
    private static final Path FILE = Path.of("/work/site/suite.yaml");
    private static final String HEAD = "target: http://a.test\npages: [{ id: home, path: / }]\n";

    private static PageWeightSpec parse(String yaml) throws SuiteException {
        return new SuiteLoader(Map.of()).parse(yaml, FILE).pageWeight();
    }

    private static List<String> messages(String yaml) {
        Throwable thrown = catchThrowable(() -> parse(yaml));
        assertThat(thrown).as("the suite's problems").isInstanceOf(SuiteException.class);
        return ((SuiteException) thrown).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void withoutAKeyJavaScriptOrCssGrowingMoreThanAQuarterAndFiveKilobytesWarns() throws Exception {
        assertThat(parse(HEAD)).isEqualTo(new PageWeightSpec(Severity.WARN, 0.25, 5 * 1024));
    }

    @Test
    void takesItsKeysOrOneWord() throws Exception {
        assertThat(parse(HEAD + "page_weight: { check: block, max_growth: 10%, min_delta: 20KB }\n"))
                .isEqualTo(new PageWeightSpec(Severity.BLOCK, 0.10, 20 * 1024));
        assertThat(parse(HEAD + "page_weight: off\n").enabled()).isFalse();
        assertThat(parse(HEAD + "page_weight: block\n").check()).isEqualTo(Severity.BLOCK);
    }

    @Test
    void badValuesNameTheirPlace() {
        assertThat(messages(HEAD + "page_weight: { max_growth: lots }\n"))
                .containsExactly("/work/site/suite.yaml:3:28: page_weight.max_growth: expected a percentage such as 10%, got \"lots\"");
        assertThat(messages(HEAD + "page_weight: { min_delta: 5 kilos }\n"))
                .anySatisfy(m -> assertThat(m).contains("page_weight.min_delta: expected a size such as 512KB"));
        assertThat(messages(HEAD + "page_weight: { max_grow: 10% }\n"))
                .anySatisfy(m -> assertThat(m).contains("unknown key \"max_grow\" in page_weight; did you mean \"max_growth\"?"));
        assertThat(messages(HEAD + "page_weight: { max_growth: NaN }\n"))
                .anySatisfy(m -> assertThat(m).contains("page_weight.max_growth: must be more than 0% and under 100%, got NaN"));
        assertThat(messages(HEAD + "page_weight: sometimes\n"))
                .anySatisfy(m -> assertThat(m).contains("page_weight: expected one of block, warn, ignore"));
    }
}
