package com.switchback.base;

/** A request that must not go ahead; the message says why, in words for the user. */
public class ActionRefusedException extends RuntimeException {

    public ActionRefusedException(String message) {
        super(message);
    }
}
