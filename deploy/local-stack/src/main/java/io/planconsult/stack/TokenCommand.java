package io.planconsult.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code deploy/token --role <station-staff|analyst|viewer|admin> [--station <id>] [--ttl 8h] [--aud
 * intake,reporting]}:
 * prints a JWT signed with the local key pair ({@code .local/keys/}, generated on first use), for curl or Swagger UI's
 * Authorize button. {@code --ttl} is at most 8h (what the services accept); {@code --aud} names the services the token
 * is for (default all three; each service refuses a token without its audience).
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        String role = null;
        String station = null;
        Duration ttl = Duration.ofHours(8);
        Set<String> services = Tokens.AUDIENCES.keySet();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--role" -> role = args[++i];
                case "--station" -> station = args[++i];
                case "--ttl" -> ttl = duration(args[++i]);
                case "--aud" -> services = Set.of(args[++i].split(","));
                default -> usage("unknown option " + args[i]);
            }
        }
        if (role == null) {
            usage("--role is required");
        }
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        LocalKeys keys = LocalKeys.in(repo.resolve(".local/keys"));
        try {
            System.out.println(Tokens.mint(keys, role, station, ttl, services));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    /** {@code 8h}, {@code 30m}, {@code 90s}, {@code 2d} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("--ttl like 8h, 30m, 90s or 2d, was " + text);
        };
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: deploy/token --role <station-staff|analyst|viewer|admin> [--station <id>]"
                + " [--ttl <=8h] [--aud intake,tagging,reporting]");
        System.exit(2);
    }
}
