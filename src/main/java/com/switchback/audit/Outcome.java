package com.switchback.audit;

/** How an audited event ended. */
public enum Outcome { SUCCESS, FAILURE, DENIED }
