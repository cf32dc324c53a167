//! Uploaded images: checked (by their bytes, not their name), decoded with
//! limits, resized to the widths the storefront shows, stored as JPEG in the
//! database, and served from `/media/u/{key}/{width}.jpg` with a long cache
//! (a key never changes its content).

use super::state::AppState;
use crate::db;
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use image::{imageops::FilterType, DynamicImage, ImageFormat, ImageReader};
use std::io::Cursor;
use uuid::Uuid;

/// The largest upload accepted.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Product photos: a card and the product page (and high-density screens).
pub const PRODUCT_WIDTHS: [u32; 2] = [400, 800];
pub const LOGO_WIDTHS: [u32; 1] = [256];

pub const WRONG_TYPE: &str = "Upload a JPEG, PNG or WebP image.";
pub const TOO_LARGE: &str = "The image is larger than 5 MB; please upload a smaller one.";
pub const UNREADABLE: &str = "This image could not be read; it may be damaged.";

/// Decodes and resizes an upload; `Err` is a message for the person uploading.
pub fn resize(bytes: &[u8], widths: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, &'static str> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(TOO_LARGE);
    }
    let format = image::guess_format(bytes).map_err(|_| WRONG_TYPE)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(WRONG_TYPE);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // A small file can claim enormous dimensions; refuse before allocating.
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(8000);
    limits.max_image_height = Some(8000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|_| UNREADABLE)?;
    // JPEG has no transparency: lay the image on white.
    let flat = DynamicImage::ImageRgb8(decoded.to_rgba8().into_rgb_on_white());
    widths
        .iter()
        .map(|&width| {
            let scaled = if flat.width() > width {
                flat.resize(width, u32::MAX, FilterType::Lanczos3)
            } else {
                flat.clone()
            };
            let mut out = Vec::new();
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            scaled.write_with_encoder(encoder).map_err(|_| UNREADABLE)?;
            Ok((width, out))
        })
        .collect()
}

trait OnWhite {
    fn into_rgb_on_white(self) -> image::RgbImage;
}

impl OnWhite for image::RgbaImage {
    fn into_rgb_on_white(self) -> image::RgbImage {
        let (w, h) = self.dimensions();
        image::RgbImage::from_fn(w, h, |x, y| {
            let [r, g, b, a] = self.get_pixel(x, y).0;
            let blend =
                |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
            image::Rgb([blend(r), blend(g), blend(b)])
        })
    }
}

pub use super::upload::Upload;

/// Reads an image upload form (file field `image`); see [`super::upload::read`].
pub async fn read_upload(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<Upload, crate::domain::AppError> {
    super::upload::read(data, "image", "Choose a photo to upload.", TOO_LARGE).await
}

/// The address of an uploaded image at its largest stored width.
pub fn path_of(key: Uuid) -> String {
    format!("/media/u/{key}")
}

/// `GET /media/u/{key}/{file}` where file is `{width}.jpg`.
pub async fn serve(
    State(state): State<AppState>,
    Path((key, file)): Path<(Uuid, String)>,
) -> Response {
    let Some(width) = file
        .strip_suffix(".jpg")
        .and_then(|w| w.parse::<i32>().ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match db::images::get(&state.pool, key, width).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("reading an image: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 128]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_large_photo_is_stored_at_each_width_as_jpeg() {
        let sizes = resize(&png(1600, 1200), &PRODUCT_WIDTHS).unwrap();
        for (width, bytes) in sizes {
            let img = image::load_from_memory(&bytes).unwrap();
            assert_eq!(image::guess_format(&bytes).unwrap(), ImageFormat::Jpeg);
            assert_eq!(img.width(), width);
            assert_eq!(img.height(), width * 3 / 4);
        }
    }

    #[test]
    fn text_and_gif_files_are_refused_as_the_wrong_type() {
        assert_eq!(
            resize(b"not an image at all", &PRODUCT_WIDTHS),
            Err(WRONG_TYPE)
        );
        assert_eq!(
            resize(b"GIF89a\x01\x00\x01\x00", &PRODUCT_WIDTHS),
            Err(WRONG_TYPE)
        );
    }

    #[test]
    fn files_over_five_megabytes_are_refused() {
        let mut big = png(10, 10);
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(resize(&big, &PRODUCT_WIDTHS), Err(TOO_LARGE));
    }
}
