package dev.gate.demo;

/** What a demo release breaks, each the kind of outage the gate exists to catch. */
public enum Fault {
    /** The edge cache keeps serving the old product page. */
    STALE_PAGE,
    /** One of the two instances never takes the new release. */
    STALE_INSTANCE,
    /** The new bundle throws while the page loads. */
    CONSOLE_ERROR,
    /** The product page asks for a JavaScript chunk the build did not ship. */
    MISSING_CHUNK,
    /** The deploy deletes the previous release's assets. */
    DELETES_OLD_ASSETS,
    /** The product list became slower (an N+1 query). */
    SLOW_API,
    /** The health endpoint reports the service degraded. */
    BROKEN_API,
    /** An endpoint no key page covers fails one call in four: only the team's metrics see it. */
    FAILING_RECOMMENDATIONS,
    /** The product list is a little slower: too little for a comparison with the release before. */
    CREEP,
    /** …and a little slower again… */
    CREEP_AGAIN,
    /** …and again: only the deploy history shows how far it has come. */
    CREEP_THIRD
}
