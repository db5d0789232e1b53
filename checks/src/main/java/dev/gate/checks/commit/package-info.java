/**
 * Is the expected release live? Reads the commit marker a site serves and polls until every key
 * page has served the expected commit several times in a row, or reports what it saw instead.
 */
package dev.gate.checks.commit;
