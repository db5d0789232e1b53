package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void markupAndBothQuotesAreEscapedForXmlAndHtml() {
        assertThat(Escaping.xml("<script>alert(1)</script> \"'&"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;");
        assertThat(Escaping.html("<a href='x'>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;");
    }

    @Test
    void charactersXmlForbidsAreRemovedAndEverythingElseIsKept() {
        String text = "a\u0000b\u0001c\u001b[31md\uFFFEe\uFFFF\uD800f😀g\u00e9";

        assertThat(Escaping.xml(text)).isEqualTo("abc[31mdef😀gé");
    }

    @Test
    void lineBreaksInAttributesBecomeReferencesSoParsersKeepThem() {
        assertThat(Escaping.xmlAttribute("one\ntwo\r\tthree")).isEqualTo("one&#10;two&#13;&#9;three");
        assertThat(Escaping.xml("one\ntwo")).isEqualTo("one\ntwo");
    }

    @Test
    void aMarkdownCellCannotEndTheCellOrTheRowOrBecomeHtml() {
        assertThat(Escaping.markdownCell("a|b\nc\r\nd <img src=x> *e* `f` [g](h) _i_ \\"))
                .isEqualTo("a\\|b<br>c<br>d &lt;img src=x&gt; \\*e\\* \\`f\\` \\[g\\](h) \\_i\\_ \\\\");
    }

    @Test
    void workflowCommandMessagesCannotStartANewCommand() {
        assertThat(Escaping.workflowMessage("100% done\r\n::add-mask::x"))
                .isEqualTo("100%25 done%0D%0A::add-mask::x");
        assertThat(Escaping.workflowProperty("api:health,2\n%")).isEqualTo("api%3Ahealth%2C2%0A%25");
    }
}
