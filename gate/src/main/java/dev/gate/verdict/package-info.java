/** The policy: from check results to one verdict, as a pure function with no network. */
package dev.gate.verdict;
