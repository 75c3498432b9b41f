/**
 * The web application ({@code peerpay serve}): sign-in, roles and pages on the GOV.UK Design System, rendered on
 * the server. Controllers call the same use cases as the command line and hold no SQL; every action a user takes is
 * written to the audit log.
 */
package org.peerpay.web;
