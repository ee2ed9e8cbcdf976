package com.switchback.base;

/** Something one person is told on whatever page they are on, with where to look. */
public record Notice(long id, String text, String link, Tone tone) {

    public enum Tone { SUCCESS, WARNING, ERROR }
}
