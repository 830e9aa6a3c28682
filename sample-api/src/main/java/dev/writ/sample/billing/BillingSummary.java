package dev.writ.sample.billing;

/**
 * What {@code GET /billing} answers: the caller's organization's plan and what it uses.
 *
 * @param organizationId the organization (the token's {@code org} claim)
 * @param plan {@code free}, {@code team} or {@code enterprise}; {@code free} until a plan
 * is recorded
 * @param projects how many projects the organization has in this API
 */
public record BillingSummary(String organizationId, String plan, long projects) {

}
