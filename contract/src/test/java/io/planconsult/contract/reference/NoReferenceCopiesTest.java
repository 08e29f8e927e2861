package io.planconsult.contract.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The reference data lives in this module only. Scans every other module's main sources and resources for a
 * file that carries its own list: every topic's, district's or station's name, every station id, or (in code and
 * configuration) every topic or district code. Data that only refers to codes (the gazetteer's place names, the
 * model's weights) passes.
 */
class NoReferenceCopiesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> TEXT = List.of(".json", ".java", ".properties", ".js", ".html", ".csv", ".txt",
            ".yaml", ".yml");

    @Test
    void theScanSeesTheOtherModules() throws IOException {
        assertTrue(mainFiles().size() > 100, "expected the services' sources under " + ROOT);
    }

    @Test
    void noOtherModuleCarriesItsOwnTaxonomyDistrictOrStationList() throws IOException {
        List<String> copies = new ArrayList<>();
        for (Path file : mainFiles()) {
            if (file.toString().contains("/tagging/model/")) {
                continue; // learnt feature weights: place names appear as words, not as a list of districts
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            boolean code = name.endsWith(".java") || name.endsWith(".js") || name.endsWith(".properties")
                    || name.endsWith(".yaml") || name.endsWith(".yml");
            check(copies, file, "topic names", all(ReferenceData.taxonomy().topics().stream().map(Topic::name), text));
            check(copies, file, "district names",
                    all(ReferenceData.districts().districts().stream().map(District::name), text));
            check(copies, file, "station names",
                    all(ReferenceData.stations().stations().stream().map(Station::name), text));
            check(copies, file, "station ids", all(ReferenceData.stations().stations().stream().map(Station::id),
                    text));
            if (code) {
                check(copies, file, "topic codes", codes(ReferenceData.taxonomy().codes(), text));
                check(copies, file, "district codes", codes(ReferenceData.districts().codes(), text));
            }
        }
        assertEquals(List.of(), copies, "reference data belongs in contract/src/main/resources/reference only");
    }

    private static void check(List<String> copies, Path file, String what, boolean copied) {
        if (copied) {
            copies.add(ROOT.relativize(file) + ": " + what);
        }
    }

    private static boolean all(Stream<String> values, String text) {
        return values.allMatch(text::contains);
    }

    /** Every code as a quoted string (Java, JS) or all of them on one configuration line. */
    private static boolean codes(List<String> codes, String text) {
        if (codes.stream().allMatch(c -> text.contains("\"" + c + "\"") || text.contains("'" + c + "'"))) {
            return true;
        }
        Predicate<String> hasAll = line -> codes.stream().allMatch(line::contains);
        return text.lines().filter(l -> !l.strip().startsWith("#")).anyMatch(hasAll);
    }

    private static List<Path> mainFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                Path module = pom.getParent();
                Path main = module.resolve("src/main");
                if (module.equals(ROOT) || module.getFileName().toString().equals("contract")
                        || !Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> TEXT.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }
}
