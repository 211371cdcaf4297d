/** The admin server (doveadm-server socket), its command registry and the loftadm client; private to the bundle. */
package org.loftmail.admin.impl;
