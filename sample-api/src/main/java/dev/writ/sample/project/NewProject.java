package dev.writ.sample.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /projects}.
 *
 * @param name what people call the project
 */
record NewProject(@NotBlank @Size(max = 100) String name) {

}
