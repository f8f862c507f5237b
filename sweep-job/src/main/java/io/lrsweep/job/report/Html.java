package io.lrsweep.job.report;

import java.util.List;

/** A small HTML writer: escaped text, tables, and the page frame with its stylesheet. */
final class Html {
    private final StringBuilder out = new StringBuilder();

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    Html raw(String html) {
        out.append(html);
        return this;
    }

    Html h2(String text, String id) {
        return raw("<h2 id=\"" + esc(id) + "\">" + esc(text) + "</h2>\n");
    }

    Html h3(String text) {
        return raw("<h3>" + esc(text) + "</h3>\n");
    }

    Html p(String text) {
        return raw("<p>" + esc(text) + "</p>\n");
    }

    /** A table; cells are text, escaped here. */
    Html table(List<String> header, List<List<String>> rows) {
        raw("<table>\n<thead><tr>");
        for (String h : header) {
            raw("<th>" + esc(h) + "</th>");
        }
        raw("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            raw("<tr>");
            for (String c : r) {
                raw("<td>" + esc(c) + "</td>");
            }
            raw("</tr>\n");
        }
        return raw("</tbody></table>\n");
    }

    /** A figure at its own size (never wider than the page, where a figure is never drawn wider). */
    Html figure(String file, String alt, String caption, int width, int height) {
        return raw("<figure><a href=\"" + esc(file) + "\"><img src=\"" + esc(file) + "\" alt=\"" + esc(alt) + "\" width=\""
                + width + "\" height=\"" + height + "\"></a><figcaption>" + esc(caption) + "</figcaption></figure>\n");
    }

    /** A list; items are text, escaped here, each with the given class. */
    Html list(String cls, List<String> items) {
        raw("<ul class=\"" + esc(cls) + "\">\n");
        for (String i : items) {
            raw("<li>" + esc(i) + "</li>\n");
        }
        return raw("</ul>\n");
    }

    String page(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n"
                + "<style>\n"
                + "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n"
                + "h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}\n"
                + "table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em}\n"
                + "th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}\n"
                + "tbody tr:nth-child(even){background:#fafafa}\n"
                + "figure{margin:1.2em 0}img{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;font-size:.92em}\n"
                + "code{background:#f4f4f4;padding:0 .25em}.note{color:#8a4b00}\n"
                + ".verdict{background:#f3f8f1;border:1px solid #cfe3c8;padding:.4em 1em;margin:1em 0}\n"
                + ".verdict h2{border:none;margin-top:.4em}.verdict ul{padding-left:1.2em}.verdict li{margin:.2em 0}\n"
                + ".warnings{background:#fff5e6;border:1px solid #f0c987;padding:.4em 1em;margin:1em 0}\n"
                + ".warnings h2{border:none;margin-top:.4em;color:#8a4b00}\n"
                + "</style>\n</head>\n<body>\n" + out + "</body>\n</html>\n";
    }
}
