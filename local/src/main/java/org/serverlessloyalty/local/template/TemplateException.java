package org.serverlessloyalty.local.template;

/** template.yaml says something the local stack cannot run; the message names the resource and property. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
