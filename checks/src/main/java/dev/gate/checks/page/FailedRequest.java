package dev.gate.checks.page;

/**
 * A request the page made that failed: an error status, or no response at all.
 *
 * @param status      the HTTP status, or 0 when the request failed on the network
 * @param failure     the browser's reason when {@code status} is 0 ({@code net::ERR_CONNECTION_REFUSED})
 * @param type        the browser's resource type: script, stylesheet, image, fetch, ...
 * @param sameOrigin  whether the request went to the site itself
 */
public record FailedRequest(String method, String url, int status, String failure, String type, boolean sameOrigin) {
}
