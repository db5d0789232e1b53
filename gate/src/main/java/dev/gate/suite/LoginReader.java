package dev.gate.suite;

import dev.gate.checks.page.LoginSpec;
import dev.gate.checks.page.LoginStep;
import dev.gate.checks.page.UrlPattern;
import dev.gate.text.Closest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code login:}, the steps that make the run's session: a list whose items each name one
 * step ({@code goto}, {@code fill}, {@code click}, {@code wait_for}). Values may come from
 * {@code ${env:…}}, which makes them secrets like every such value.
 */
final class LoginReader {
    static final List<String> STEPS = List.of("goto", "fill", "click", "wait_for");
    private static final String KNOWN = "the steps are goto, fill, click and wait_for";

    private LoginReader() {
    }

    static Optional<LoginSpec> read(SuiteNode list) {
        if (!list.isList()) {
            list.problem("expected a list of steps such as - goto: /login; " + KNOWN);
            return Optional.empty();
        }
        List<LoginStep> steps = new ArrayList<>();
        boolean complete = true;
        for (SuiteNode item : list.items(false)) {
            Optional<LoginStep> step = step(item);
            step.ifPresent(steps::add);
            complete &= step.isPresent();
        }
        if (steps.isEmpty() && complete) {
            list.problem("the login has no steps; " + KNOWN);
        }
        return complete && !steps.isEmpty() ? Optional.of(new LoginSpec(steps)) : Optional.empty();
    }

    private static Optional<LoginStep> step(SuiteNode item) {
        if (!item.isMap()) {
            item.problem("expected one step such as goto: /login; " + KNOWN);
            return Optional.empty();
        }
        Map<String, SuiteNode> named = item.entries();
        if (named.size() != 1) {
            item.problem("a step names one action, got " + (named.isEmpty() ? "none" : String.join(", ", named.keySet()))
                    + "; " + KNOWN);
            return Optional.empty();
        }
        Map.Entry<String, SuiteNode> only = named.entrySet().iterator().next();
        String name = only.getKey();
        SuiteNode value = only.getValue();
        return switch (name) {
            case "goto" -> PagesReader.path(value).map(LoginStep.Goto::new);
            case "fill" -> fill(value);
            case "click" -> selector(value).map(LoginStep.Click::new);
            case "wait_for" -> waitFor(value);
            default -> {
                item.reading().problem(item.keyMark(name), item.path() + ": unknown login step \"" + name + "\""
                        + Closest.hint(name, STEPS) + "; " + KNOWN);
                yield Optional.empty();
            }
        };
    }

    private static Optional<LoginStep> fill(SuiteNode node) {
        if (!node.isMap()) {
            node.problem("expected { selector: \"#password\", value: \"${env:SHOP_PASSWORD}\" }");
            return Optional.empty();
        }
        Optional<String> selector = node.get("selector").flatMap(LoginReader::selector);
        Optional<String> value = node.get("value").flatMap(SuiteNode::text);
        if (!node.has("selector")) {
            node.problem("missing \"selector\": the field to type into, such as \"#password\"");
        }
        if (!node.has("value")) {
            node.problem("missing \"value\": what to type, such as \"${env:SHOP_PASSWORD}\"");
        }
        node.rejectUnknownKeys();
        return selector.isPresent() && value.isPresent()
                ? Optional.of(new LoginStep.Fill(selector.get(), value.get())) : Optional.empty();
    }

    private static Optional<LoginStep> waitFor(SuiteNode node) {
        if (!node.isMap()) {
            node.problem("expected { url: /account } or { selector: \"#account\" }");
            return Optional.empty();
        }
        Optional<SuiteNode> url = node.get("url");
        Optional<SuiteNode> selector = node.get("selector");
        node.rejectUnknownKeys();
        if (url.isPresent() == selector.isPresent()) {
            node.problem("name what to wait for, one of: url (such as /account) or selector (such as \"#account\")");
            return Optional.empty();
        }
        if (url.isPresent()) {
            return PagesReader.path(url.get()).map(p -> new LoginStep.WaitForUrl(new UrlPattern(p)));
        }
        return selector(selector.get()).map(LoginStep.WaitForSelector::new);
    }

    private static Optional<String> selector(SuiteNode node) {
        return node.text().flatMap(t -> {
            if (t.isBlank()) {
                node.problem("expected a selector such as \"#password\" or \"button[type=submit]\", got nothing");
                return Optional.empty();
            }
            return Optional.of(t);
        });
    }
}
