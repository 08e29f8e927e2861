package io.planconsult.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How many suggestions reporting has counted: the tallies' total, which holds every accepted POST once (greetings and
 * tests too, in their own {@code not-a-suggestion} cells).
 */
final class Tallied {

    /** @param count what the tallies showed last; @param seconds how long the wait took */
    record Waited(long count, double seconds) {
    }

    private Tallied() {
    }

    static long count(Api api, String reportingUrl) {
        JsonNode tallies = api.get(reportingUrl + "/api/v1/tallies").body();
        return tallies.path("total").asLong();
    }

    /**
     * Polls every 250 ms (each poll costs reporting a tally query) until the tallies count at least {@code target} or
     * the timeout passes.
     */
    static Waited await(Api api, String reportingUrl, long target, double timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (timeoutSeconds * 1e9);
        long count = count(api, reportingUrl);
        while (count < target && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = count(api, reportingUrl);
        }
        return new Waited(count, (System.nanoTime() - start) / 1e9);
    }
}
