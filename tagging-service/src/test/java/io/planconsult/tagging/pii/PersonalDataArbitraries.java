package io.planconsult.tagging.pii;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Personal data in the forms issue 11 lists, written the ways people write them, and suggestions to
 * embed it in. Everything is generated from parts; nothing is taken from the dev data file.
 */
final class PersonalDataArbitraries {

    /**
     * One piece of personal data.
     *
     * @param kind    what it is, for the failure message
     * @param written how it appears in the text, cue included ({@code 微信号：wang_li88})
     * @param secret  what must not be found in any published field, in the {@link #canonical} form
     */
    record Pii(String kind, String written, String secret) {
    }

    private static final String FULL_WIDTH_DIGITS = "０１２３４５６７８９";
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";
    /** Digits as a phone number is read out: 幺 for one, 零 for zero (幺三八…). */
    private static final String READ_OUT_DIGITS = "零幺二三四五六七八九";
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
            "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳", "司马", "诸葛");
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玲斌浩宇婷";
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    private PersonalDataArbitraries() {
    }

    /** Lower-case, half-width, Chinese numerals as digits, no separators: how outputs are searched. */
    static String canonical(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            int chinese = CHINESE_DIGITS.indexOf(c) >= 0 ? CHINESE_DIGITS.indexOf(c) : READ_OUT_DIGITS.indexOf(c);
            if (chinese >= 0) {
                c = (char) ('0' + chinese);
            }
            if (" \u3000-.()+·。".indexOf(c) < 0) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    static Arbitrary<Pii> anyPersonalData() {
        return Arbitraries.oneOf(residentIds(), mobiles(), landlines(), qqIds(), wechatIds(), bankCards(), passports(),
                plates(), emails(), doors(), names());
    }

    static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(n);
    }

    /**
     * The same digits contiguous, in groups with a separator, full-width or in Chinese numerals (written or read out).
     */
    static Arbitrary<String> written(String digits, int[] groups) {
        return Arbitraries.of("", " ", "-", ".", "fw", "cn", "read").map(style -> switch (style) {
            case "fw" -> map(digits, FULL_WIDTH_DIGITS);
            case "cn" -> map(digits, CHINESE_DIGITS);
            case "read" -> map(digits, READ_OUT_DIGITS);
            default -> grouped(digits, groups, style);
        });
    }

    private static String map(String digits, String to) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(Character.isDigit(c) ? to.charAt(c - '0') : c);
        }
        return out.toString();
    }

    private static String grouped(String digits, int[] groups, String sep) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                out.append(sep);
            }
            out.append(digits, at, Math.min(digits.length(), at + g));
            at += g;
        }
        return out.append(digits.substring(Math.min(at, digits.length()))).toString();
    }

    static Arbitrary<Pii> residentIds() {
        Arbitrary<String> eighteen = Combinators.combine(Arbitraries.integers().between(110000, 659999),
                Arbitraries.integers().between(1940, 2012), Arbitraries.integers().between(101, 1231), digits(3),
                Arbitraries.of("0", "5", "9", "X", "x"))
                .as((region, year, mmdd, seq, check) -> "" + region + year + String.format(Locale.ROOT, "%04d", mmdd)
                        + seq + check);
        Arbitrary<String> fifteen = Combinators.combine(Arbitraries.integers().between(110000, 659999),
                Arbitraries.integers().between(400101, 991231), digits(3)).as((r, d, s) -> "" + r + d + s);
        Arbitrary<String> id = Arbitraries.oneOf(eighteen, fifteen);
        Arbitrary<String> cue = Arbitraries.of("身份证号", "我的身份证号是", "身份证：", "证件号码 ", "");
        return Combinators.combine(cue, id.flatMap(d -> written(d, new int[] {6, 8}).map(w -> new String[] {d, w})))
                .as((c, dw) -> new Pii("resident-id", c + dw[1], canonical(dw[0])));
    }

    static Arbitrary<Pii> mobiles() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.of("13", "15", "17", "18", "19"), digits(9))
                .as(String::concat);
        Arbitrary<String> prefix = Arbitraries.of("", "+86 ", "+86-", "0086 ", "(+86)", "+86");
        Arbitrary<String> cue = Arbitraries.of("电话", "手机：", "联系方式 ", "打", "");
        return Combinators.combine(cue, prefix, number.flatMap(d -> written(d, new int[] {3, 4, 4})
                .map(w -> new String[] {d, w}))).as((c, p, dw) -> new Pii("mobile", c + p + dw[1], canonical(dw[0])));
    }

    static Arbitrary<Pii> landlines() {
        Arbitrary<String> area = Arbitraries.of("0571", "010", "021", "0574", "0755");
        Arbitrary<String> local = Combinators.combine(Arbitraries.integers().between(2, 8), digits(7))
                .as((first, rest) -> first + rest);
        Arbitrary<String> shape = Arbitraries.of("%s-%s", "(%s)%s", "%s %s", "(%s) %s", "+86 %s %s");
        return Combinators.combine(area, local, shape).as((a, l, s) -> {
            String areaWritten = s.startsWith("+86") ? a.substring(1) : a;
            return new Pii("landline", "座机" + String.format(Locale.ROOT, s, areaWritten, l), canonical(l));
        });
    }

    static Arbitrary<Pii> qqIds() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.integers().between(1, 9), digits(8))
                .as((a, b) -> a + b);
        return Combinators.combine(Arbitraries.of("QQ", "qq号：", "QQ号码 ", "扣扣", "ＱＱ"), number)
                .as((c, n) -> new Pii("qq", c + n, canonical(n)));
    }

    static Arbitrary<Pii> wechatIds() {
        Arbitrary<String> id = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3)
                .ofMaxLength(8), Arbitraries.of("_", "-", ""), digits(3)).as((a, s, d) -> a + s + d);
        return Combinators.combine(Arbitraries.of("微信", "微信号：", "vx:", "加我微信", "WeChat "), id)
                .as((c, i) -> new Pii("wechat", c + i, canonical(i)));
    }

    static Arbitrary<Pii> bankCards() {
        Arbitrary<String> card = Combinators.combine(Arbitraries.of("6222", "6217", "4367", "5187"),
                digits(12), digits(3)).as((a, b, c) -> a + b + c);
        return Combinators.combine(Arbitraries.of("银行卡号", "卡号：", "补贴打到"), card.flatMap(d ->
                written(d, new int[] {4, 4, 4, 4}).filter(w -> !w.matches(".*[〇零幺一二三四五六七八九].*"))
                        .map(w -> new String[] {d, w}))).as((c, dw) ->
                        new Pii("bank-card", c + dw[1], canonical(dw[0])));
    }

    static Arbitrary<Pii> passports() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("E", "G", "C", "H"), digits(8)).as(String::concat),
                Combinators.combine(Arbitraries.of("EA", "EB", "ED"), digits(7)).as(String::concat));
        return Combinators.combine(Arbitraries.of("护照号", "护照号码：", "通行证", ""), number)
                .as((c, n) -> new Pii("passport", c + n, canonical(n)));
    }

    static Arbitrary<Pii> plates() {
        Arbitrary<Character> province = Arbitraries.of(PROVINCES.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<String> tail = Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                digits(3)).as((l, d) -> d.charAt(0) + l.substring(0, 1) + d.substring(1) + l.substring(1));
        return Combinators.combine(province, Arbitraries.strings().withCharRange('A', 'Z').ofLength(1), tail,
                Arbitraries.of("", "·", " ")).as((p, l, t, sep) -> new Pii("plate", "车牌" + p + l + sep + t,
                        canonical(p + l + t)));
    }

    static Arbitrary<Pii> emails() {
        Arbitrary<String> local = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3)
                .ofMaxLength(8), Arbitraries.of(".", "_", ""), digits(2)).as((a, s, d) -> a + s + d);
        return Combinators.combine(local, Arbitraries.of("@", "＠"), Arbitraries.of("qq.com", "163.com", "example.cn"))
                .as((l, at, d) -> new Pii("email", "邮箱" + l + at + d, canonical(l + "@" + d)));
    }

    /**
     * Door numbers in digits or Chinese numerals, with or without an estate: 3幢2单元401室, 三号楼二单元五〇一室,
     * 十二栋一千二百零三室, 阳光小区十二栋. The secret is the door number as written (an estate alone is no secret).
     */
    static Arbitrary<Pii> doors() {
        Arbitrary<String> building = Combinators.combine(Arbitraries.integers().between(1, 30).flatMap(
                PersonalDataArbitraries::numberWritten), Arbitraries.of("幢", "栋", "号楼")).as(String::concat);
        Arbitrary<String> unit = Arbitraries.integers().between(1, 6).flatMap(PersonalDataArbitraries::numberWritten)
                .map(u -> u + "单元");
        Arbitrary<String> room = Combinators.combine(Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(1, 4)).as((floor, door) -> floor * 100 + door)
                .flatMap(PersonalDataArbitraries::numberWritten);
        Arbitrary<String> roomSuffix = Arbitraries.of("室", "室", "");
        Arbitrary<String> estate = Arbitraries.of("阳光小区", "翠苑新村", "金色家园", "和睦花园", "采荷公寓");
        Arbitrary<String> door = Arbitraries.oneOf(
                Combinators.combine(building, unit, room, roomSuffix).as((b, u, r, x) -> b + u + r + x),
                Combinators.combine(building, room).as((b, r) -> b + r + "室"),
                Combinators.combine(unit, room).as((u, r) -> u + r + "室"),
                Combinators.combine(estate, building).as(String::concat),
                Combinators.combine(estate, building, unit).as((e, b, u) -> e + b + u));
        return Combinators.combine(Arbitraries.of("我家住", "家住", "住在", "地址："), door)
                .as((cue, d) -> new Pii("door", cue + d, canonical(d)));
    }

    /** A number as digits, as Chinese digits one by one (五〇一, 五零一), or as a Chinese number (十二, 五百零一). */
    static Arbitrary<String> numberWritten(int n) {
        String digits = Integer.toString(n);
        return Arbitraries.of(digits, map(digits, CHINESE_DIGITS), map(digits, READ_OUT_DIGITS).replace('幺', '一'),
                chineseNumber(n));
    }

    /** 1..9999 the way it is said: 十二, 二十, 一百零一, 一千二百零三. */
    static String chineseNumber(int n) {
        String units = " 十百千";
        String digits = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            int place = digits.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            if (!(d == 1 && place == 1 && i == 0)) {
                out.append(CHINESE_DIGITS.charAt(d));
            }
            if (place > 0) {
                out.append(units.charAt(place));
            }
        }
        return out.toString();
    }

    static Arbitrary<Pii> names() {
        Arbitrary<String> given = Arbitraries.strings().withChars(GIVEN.toCharArray()).ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> name = Combinators.combine(Arbitraries.of(SURNAMES), given).as(String::concat);
        Arbitrary<String> cue = Arbitraries.of("我叫", "反映人：", "联系人", "本人", "署名：", "来信人", "联系人：", "名叫");
        Arbitrary<String> after = Arbitraries.of("，", "。", " ", "，电话待补", "，今年六十岁", "");
        return Combinators.combine(cue, name, after).as((c, n, a) -> new Pii("name", c + n + a, canonical(n)));
    }
}
