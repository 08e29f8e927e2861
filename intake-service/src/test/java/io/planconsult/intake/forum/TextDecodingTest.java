package io.planconsult.intake.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String CSV = "建议内容,提交人姓名\n建议在湘湖周边增设公共停车场，缓解节假日停车难,王小明\n";

    @Test
    void plainUtf8IsReadAsUtf8() {
        TextDecoding.Decoded decoded = TextDecoding.decode(CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(CSV, decoded.text());
        assertEquals(TextDecoding.UTF_8, decoded.encoding());
    }

    @Test
    void utf8ByteOrderMarkIsDroppedAndReported() {
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        TextDecoding.Decoded decoded = TextDecoding.decode(withBom);
        assertEquals(CSV, decoded.text(), "no BOM character left at the start of the first header");
        assertEquals(TextDecoding.UTF_8_BOM, decoded.encoding());
    }

    @Test
    void gbkIsDetectedAndConverted() {
        TextDecoding.Decoded decoded = TextDecoding.decode(CSV.getBytes(Charset.forName("GBK")));
        assertEquals(CSV, decoded.text());
        assertEquals(TextDecoding.GB18030, decoded.encoding());
    }

    @Test
    void shortGbkTextIsNotMistakenForUtf8() {
        String text = "建议内容\n停车难\n";
        assertEquals(text, TextDecoding.decode(text.getBytes(Charset.forName("GBK"))).text());
    }

    @Test
    void gb18030OnlyCharactersAreRead() {
        String text = "建议内容\n𠀀字与€符号\n"; // outside GBK: four-byte GB18030 sequences
        TextDecoding.Decoded decoded = TextDecoding.decode(text.getBytes(Charset.forName("GB18030")));
        assertEquals(text, decoded.text());
    }

    @Test
    void utf16WithByteOrderMarkIsRead() {
        TextDecoding.Decoded decoded = TextDecoding.decode(CSV.getBytes(StandardCharsets.UTF_16));
        assertEquals(CSV, decoded.text());
        assertEquals(TextDecoding.UTF_16, decoded.encoding());
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRejectedNamingTheFile() {
        byte[] binary = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80};
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> TextDecoding.decode(binary));
        assertEquals("file", e.errors().get(0).field());
        assertEquals(422, e.status());
    }

    @Test
    void brokenUtf8AfterAByteOrderMarkIsRejected() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xE5, (byte) 0xBB};
        assertThrows(InvalidImportException.class, () -> TextDecoding.decode(bytes));
    }
}
