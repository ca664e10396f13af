/** Sending e-mail, as a port every module may use. */
@NullMarked
package fr.maillage.shared.mail;

import org.jspecify.annotations.NullMarked;
