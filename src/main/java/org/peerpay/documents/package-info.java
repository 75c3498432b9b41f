/** The look of PeerPay's PDF documents (payslips, budget statements): one page layout, fonts and money format. */
package org.peerpay.documents;
