/**
 * Auto-configuration of the Writ resource-server starter.
 */
@NullMarked
package dev.writ.resourceserver.autoconfigure;

import org.jspecify.annotations.NullMarked;
