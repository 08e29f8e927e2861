package io.planconsult.stack;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Timed GETs for the benchmarks' query rows: a warm-up, then p50 and p99 of N requests, one at a time. */
final class Latency {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // as browsers speak to plain http: no h2c upgrade

    private Latency() {
    }

    /** Prints the row {@code what | p50, p99 | | aim | met?}; @param aimMs the p99 aim in ms, 0 for none */
    static void row(String what, String url, String bearer, int count, int aimMs) throws Exception {
        for (int i = 0; i < Math.max(5, count / 10); i++) {
            get(url, bearer);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            get(url, bearer);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p99 = nanos[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
        BenchTable.row(what, String.format("p50 %.1f ms, p99 %.1f ms (%d requests; load %s)", nanos[count / 2] / 1e6,
                p99, count, ProcessStats.loadAverage()), "", aimMs == 0 ? "" : "p99 < " + aimMs + " ms",
                aimMs == 0 ? null : p99 < aimMs);
    }

    /** The body of a GET that must answer 200, asked for as a browser does (gzip accepted) and inflated. */
    static byte[] get(String url, String bearer) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + bearer)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                return in.readAllBytes();
            }
        }
        return response.body();
    }
}
