package com.switchback.base.i18n;

/** An exception whose reason a page can say in the person's language ({@link Texts#t(Throwable)}). */
public interface Localized {

    Text reason();
}
