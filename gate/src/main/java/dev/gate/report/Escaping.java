package dev.gate.report;

/**
 * Makes text that came from the site or the suite safe for each format a report is written in.
 * Everything a check saw (a page title, a console message, a response body) is hostile until it
 * has passed through here: it must never become markup, a table column or a workflow command.
 */
public final class Escaping {
    private Escaping() {
    }

    /** Text content of an XML or HTML element: markup escaped, characters XML 1.0 forbids removed. */
    public static String xml(String s) {
        return escape(s, false);
    }

    /**
     * A quoted XML or HTML attribute value. Line breaks and tabs become character references,
     * because a parser would otherwise normalise them to spaces and the message would lose its lines.
     */
    public static String xmlAttribute(String s) {
        return escape(s, true);
    }

    /** HTML text or attribute; the same rules as XML, since both quotes are escaped. */
    public static String html(String s) {
        return escape(s, true);
    }

    /**
     * One cell of a Markdown table, as GitHub renders it: {@code |} would end the cell and a line
     * break the row; angle brackets would become HTML; emphasis and link characters would format.
     */
    public static String markdownCell(String s) {
        return markdown(s).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>");
    }

    /** Markdown text outside a table; line breaks are kept. */
    public static String markdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|', '\\', '`', '*', '_', '[', ']' -> out.append('\\').append(c);
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The message of a GitHub workflow command ({@code ::error ...::MESSAGE}): a line break would end
     * the command and let the rest of the text issue commands of its own.
     */
    public static String workflowMessage(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property of a GitHub workflow command ({@code title=VALUE}), where {@code :} and {@code ,} delimit. */
    public static String workflowProperty(String s) {
        return workflowMessage(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\r");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (allowedInXml(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * XML 1.0's Char production, minus what it allows only as whitespace (handled above). A lone
     * surrogate reaches here as its own code point and is dropped with the control characters.
     */
    private static boolean allowedInXml(int cp) {
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
