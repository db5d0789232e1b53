/**
 * HTTP for the checks: {@link dev.gate.checks.http.HttpProbe}, the plain GET the commit and page
 * checks share (bounded in time and body size, on a kept-alive or a fresh connection), and
 * {@link dev.gate.checks.http.LeanHttp}, the minimal HTTP/1.1 client the latency sampler times
 * requests with, because it adds about as much to a sample as curl, where the JDK's client adds
 * about a millisecond. {@link dev.gate.checks.http.BodyReader} is the one way a body the gate keeps
 * is read: decoded from gzip or deflate, and capped in bytes.
 */
package dev.gate.checks.http;
