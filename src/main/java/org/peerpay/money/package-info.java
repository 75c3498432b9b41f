/** Money in pounds sterling, hourly rates and minutes worked, with PeerPay's one rounding policy. */
package org.peerpay.money;
