package io.planconsult.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.planconsult.contract.Topics;
import io.planconsult.infra.LocalKafkaBroker;

/** The faults the fault command injects into a running stack, mid-stream. */
enum Fault {

    NONE("no fault (baseline)") {
        @Override
        void inject(LocalStack stack, Options options) {
        }
    },
    KILL_INTAKE("kill -9 intake, restart") {
        @Override
        void inject(LocalStack stack, Options options) {
            killAndRestart(stack, stack.intake());
        }
    },
    KILL_TAGGING("kill -9 tagging, restart") {
        @Override
        void inject(LocalStack stack, Options options) {
            killAndRestart(stack, stack.tagging());
        }
    },
    KILL_REPORTING("kill -9 reporting, restart") {
        @Override
        void inject(LocalStack stack, Options options) {
            killAndRestart(stack, stack.reporting());
        }
    },
    BROKER_PAUSED("broker stopped 60 s (SIGSTOP), resumed") {
        @Override
        void inject(LocalStack stack, Options options) {
            long pid = stack.broker().pid();
            signal("STOP", pid);
            ServiceProcess.sleep(options.brokerPause().toMillis());
            signal("CONT", pid);
        }
    },
    POSTGRES_RESTART("PostgreSQL restarted") {
        @Override
        void inject(LocalStack stack, Options options) {
            if (stack.settings().embedded().isEmpty()) {
                throw new IllegalStateException("only the embedded PostgreSQL is restarted (never the shared server)");
            }
            stack.embeddedDatabase().stop();
            ServiceProcess.sleep(options.postgresDown().toMillis());
            stack.embeddedDatabase().start();
        }
    },
    POISON("1,000 poison records on each consumed topic") {
        @Override
        void inject(LocalStack stack, Options options) {
            Properties config = new Properties();
            config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                for (String topic : List.of(Topics.SUGGESTIONS_SUBMITTED, Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS,
                        Topics.FORUMS)) {
                    for (int i = 0; i < options.poison(); i++) {
                        producer.send(poison(topic, i));
                    }
                }
                producer.flush();
            }
        }
    },
    REBALANCE("second tagging instance started, then stopped") {
        @Override
        void inject(LocalStack stack, Options options) {
            ServiceProcess second = stack.tagging().another("tagging-service-2", LocalKafkaBroker.freePort());
            second.start();
            try {
                second.awaitUp(Duration.ofSeconds(600));
                ServiceProcess.sleep(options.secondInstanceFor().toMillis());
            } finally {
                second.stop();
            }
        }
    };

    /** Knobs of the faults: how long an outage lasts, how many poison records. */
    record Options(Duration brokerPause, Duration postgresDown, int poison, Duration secondInstanceFor) {
    }

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    String flag() {
        return name().toLowerCase().replace('_', '-');
    }

    abstract void inject(LocalStack stack, Options options);

    /** Unparseable JSON, a wrong shape, and bytes that are no JSON at all, with CloudEvents headers. */
    private static ProducerRecord<String, String> poison(String topic, int i) {
        String body = switch (i % 3) {
            case 0 -> "{\"suggestionId\": [broken";
            case 1 -> "{\"suggestionId\":\"not-a-uuid\",\"text\":42}";
            default -> "\u0001 not json at all";
        };
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, "poison-" + i, body);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "io.planconsult.poison",
                "ce_source", "/faults").forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void killAndRestart(LocalStack stack, ServiceProcess service) {
        service.kill();
        service.start();
        service.awaitUp(Duration.ofSeconds(600));
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
