/** Custom resource types of {@code partnerhub.dev/v1alpha1}: plain data, no logic. */
package dev.partnerhub.api.v1alpha1;
