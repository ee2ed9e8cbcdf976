package com.switchback.base.ui;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Markup the server builds for the parts of a page that are one element to it (the bar, the navigation):
 * built with Jsoup, which escapes every text and attribute, and written without the line breaks and
 * indents Jsoup adds by default, which the browser would keep as text.
 */
final class Markup {

    private Markup() {
    }

    /** An element with these classes. */
    static Element element(String tag, String... classes) {
        Element element = new Element(tag);
        for (String c : classes) {
            element.addClass(c);
        }
        return element;
    }

    /** The element and its content as HTML, on one line. */
    static String html(Element element) {
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        shell.body().appendChild(element);
        return element.outerHtml();
    }
}
