package io.planconsult.reporting.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of every cell of an XLSX workbook, as a spreadsheet shows it. A plain search of the unzipped parts finds no
 * Chinese text: fastexcel keeps strings in {@code xl/sharedStrings.xml} (cells hold an index, {@code t="s"}) and writes
 * every non-ASCII character as a numeric character reference ({@code 夜} is {@code &#x591c;}). So the parts are read
 * with the JDK's XML parser, which resolves the references, and shared and inline strings are both followed.
 */
final class WorkbookCells {

    private static final String SHARED = "xl/sharedStrings.xml";

    private WorkbookCells() {
    }

    static List<String> of(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("workbook", ".xlsx");
        try {
            Files.write(file, xlsx);
            // Through the central directory: fastexcel streams entries with data descriptors.
            try (ZipFile archive = new ZipFile(file.toFile())) {
                ZipEntry sharedPart = archive.getEntry(SHARED);
                List<String> shared = sharedPart == null ? List.of()
                        : strings(archive.getInputStream(sharedPart), List.of());
                List<String> cells = new ArrayList<>();
                for (ZipEntry e : Collections.list(archive.entries())) {
                    if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                        cells.addAll(strings(archive.getInputStream(e), shared));
                    }
                }
                return cells;
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a readable workbook part", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The strings of a part, in order: each {@code <si>} (a shared string) or {@code <is>} (an inline one) as its
     * {@code <t>} runs joined, phonetic hints ({@code <rPh>}) left out; each {@code <v>} (a cell's value) as text,
     * looked up in {@code shared} when its {@code <c>} says {@code t="s"}.
     */
    private static List<String> strings(InputStream in, List<String> shared) throws XMLStreamException {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in, "UTF-8");
        List<String> strings = new ArrayList<>();
        String type = null;
        StringBuilder current = null;
        boolean phonetic = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> type = xml.getAttributeValue(null, "t");
                    case "si", "is" -> current = new StringBuilder();
                    case "rPh" -> phonetic = true;
                    case "t" -> {
                        String text = xml.getElementText();
                        if (!phonetic && current != null) {
                            current.append(text);
                        }
                    }
                    case "v" -> {
                        String value = xml.getElementText();
                        strings.add("s".equals(type) ? shared.get(Integer.parseInt(value.strip())) : value);
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "si", "is" -> {
                        strings.add(current.toString());
                        current = null;
                    }
                    case "rPh" -> phonetic = false;
                    default -> { }
                }
            }
        }
        return strings;
    }
}
