package io.planconsult.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same worker on N threads and waits for all; the first failure is rethrown. */
final class Workers {

    private Workers() {
    }

    static void run(int threads, Callable<Void> worker) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> running = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                running.add(pool.submit(worker));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        }
    }
}
